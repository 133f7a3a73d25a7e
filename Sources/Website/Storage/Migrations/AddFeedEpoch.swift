/// Feed epochs: a position is only meaningful within one incarnation of the feed. `feed_epoch`
/// holds the current epoch id with what identifies the database it was made in (the cluster's
/// system identifier and the database's oid) and the highest transaction id seen; a puller keeps
/// the epoch its checkpoint belongs to (`peers.checkpoint_epoch`). The epoch row is written by
/// ``FeedEpochRepository`` at start-up, not here.
struct AddFeedEpoch: Migration {
    let statements = [
        """
        CREATE TABLE feed_epoch (
            singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
            epoch text NOT NULL,
            database_identity text NOT NULL,
            xid_high bigint NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        "ALTER TABLE peers ADD COLUMN checkpoint_epoch text",
        // Digests over ranges of names (anti-entropy) select rows by the hash of their name.
        "CREATE INDEX profiles_name_bucket ON profiles (left(md5(name_key), 8) COLLATE \"C\")",
        "CREATE INDEX lookup_counts_name_bucket ON lookup_counts (left(md5(name_key), 8) COLLATE \"C\")",
    ]
}
