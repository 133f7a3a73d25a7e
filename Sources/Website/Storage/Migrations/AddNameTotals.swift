/// Listings at scale: per-name totals over every origin, maintained by statement triggers on
/// `lookup_counts` in the same transaction as the counters they sum, so that the front page reads
/// two small index scans instead of aggregating every counter. Totals are `numeric` (no overflow
/// whatever is stored) and pages clamp them to 64 bits.
struct AddNameTotals: Migration {
    let statements: [String] = [
        """
        CREATE TABLE name_totals (
            name_key text PRIMARY KEY,
            total numeric NOT NULL,
            last_lookup_at timestamptz NOT NULL
        )
        """,
        "CREATE INDEX name_totals_by_total ON name_totals (total DESC, name_key)",
        "CREATE INDEX name_totals_by_recent ON name_totals (last_lookup_at DESC)",
        """
        INSERT INTO name_totals (name_key, total, last_lookup_at)
        SELECT name_key, sum(count), max(last_lookup_at) FROM lookup_counts GROUP BY name_key
        """,
        """
        CREATE FUNCTION name_totals_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO name_totals AS t (name_key, total, last_lookup_at)
            SELECT name_key, sum(count), max(last_lookup_at) FROM new_rows GROUP BY name_key ORDER BY name_key
            ON CONFLICT (name_key) DO UPDATE SET total = t.total + excluded.total,
                last_lookup_at = greatest(t.last_lookup_at, excluded.last_lookup_at);
            RETURN NULL;
        END $$
        """,
        updatedFunction(replacing: false, skippingUnchangedCounters: false),
        """
        CREATE FUNCTION name_totals_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE name_totals AS t SET total = t.total - d.removed
            FROM (SELECT name_key, sum(count) AS removed FROM old_rows GROUP BY name_key ORDER BY name_key) AS d
            WHERE t.name_key = d.name_key;
            DELETE FROM name_totals t USING (SELECT DISTINCT name_key FROM old_rows) AS d
            WHERE t.name_key = d.name_key AND t.total <= 0;
            RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER lookup_counts_totals_inserted AFTER INSERT ON lookup_counts
            REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION name_totals_inserted()
        """,
        """
        CREATE TRIGGER lookup_counts_totals_updated AFTER UPDATE ON lookup_counts
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION name_totals_updated()
        """,
        """
        CREATE TRIGGER lookup_counts_totals_deleted AFTER DELETE ON lookup_counts
            REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION name_totals_deleted()
        """,
    ]

    /// The function `name_totals_updated()`: each updated counter's change is added to its name's
    /// total, and its time to the total's last lookup. With `skippingUnchangedCounters` only the
    /// counters whose count or time changed are summed, and only the totals that then change are
    /// written (a stored signature or a feed re-stamp would otherwise rewrite each total with
    /// nothing to add). The text for settings a landed migration uses must not change.
    static func updatedFunction(replacing: Bool, skippingUnchangedCounters: Bool) -> String {
        let create = replacing ? "CREATE OR REPLACE FUNCTION" : "CREATE FUNCTION"
        let changedCounters =
            skippingUnchangedCounters
            ? "\n        WHERE n.count <> o.count OR n.last_lookup_at <> o.last_lookup_at" : ""
        let changingTotals =
            skippingUnchangedCounters ? " AND (d.delta <> 0 OR d.last_lookup_at > t.last_lookup_at)" : ""
        return """
            \(create) name_totals_updated() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                UPDATE name_totals AS t SET total = t.total + d.delta,
                    last_lookup_at = greatest(t.last_lookup_at, d.last_lookup_at)
                FROM (
                    SELECT n.name_key, sum(n.count::numeric - o.count) AS delta, max(n.last_lookup_at) AS last_lookup_at
                    FROM new_rows n JOIN old_rows o ON o.origin = n.origin AND o.name_key = n.name_key\(changedCounters)
                    GROUP BY n.name_key ORDER BY n.name_key
                ) AS d
                WHERE t.name_key = d.name_key\(changingTotals);
                RETURN NULL;
            END $$
            """
    }
}
