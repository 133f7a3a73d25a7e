/// Grow-only lookup counters, one per (origin node, lower-cased username).
struct CreateLookupCountsTable: Migration {
    let statements = [
        """
        CREATE TABLE lookup_counts (
            origin text NOT NULL,
            name_key text NOT NULL,
            count bigint NOT NULL CHECK (count >= 0),
            last_lookup_at timestamptz NOT NULL,
            PRIMARY KEY (origin, name_key)
        )
        """,
        "CREATE INDEX lookup_counts_name_key ON lookup_counts (name_key)",
        "CREATE INDEX lookup_counts_last_lookup_at ON lookup_counts (last_lookup_at DESC)",
    ]
}
