/// The changes feed: every accepted write of a profile or counter takes the next value of
/// `change_seq` and records its transaction id; the feed orders changes by (xid, seq) and serves
/// only transactions older than every running one, so no reader skips a late commit.
/// `signature` holds the origin's signature of merged records (own records are signed when served).
/// A statement-level trigger notifies `heads_changes` so that long-polls on every replica wake up.
struct AddChangeFeed: Migration {
    let statements = [
        "CREATE SEQUENCE change_seq",
        """
        ALTER TABLE profiles
            ADD COLUMN signature text,
            ADD COLUMN seq bigint NOT NULL DEFAULT nextval('change_seq'),
            ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id()
        """,
        """
        ALTER TABLE lookup_counts
            ADD COLUMN signature text,
            ADD COLUMN seq bigint NOT NULL DEFAULT nextval('change_seq'),
            ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id()
        """,
        "CREATE INDEX profiles_feed ON profiles (xid, seq)",
        "CREATE INDEX lookup_counts_feed ON lookup_counts (xid, seq)",
        """
        CREATE FUNCTION notify_heads_changes() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF EXISTS (SELECT 1 FROM changed_rows) THEN
                PERFORM pg_notify('heads_changes', '');
            END IF;
            RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER profiles_inserted AFTER INSERT ON profiles REFERENCING NEW TABLE AS changed_rows
            FOR EACH STATEMENT EXECUTE FUNCTION notify_heads_changes()
        """,
        """
        CREATE TRIGGER profiles_updated AFTER UPDATE ON profiles REFERENCING NEW TABLE AS changed_rows
            FOR EACH STATEMENT EXECUTE FUNCTION notify_heads_changes()
        """,
        """
        CREATE TRIGGER lookup_counts_inserted AFTER INSERT ON lookup_counts REFERENCING NEW TABLE AS changed_rows
            FOR EACH STATEMENT EXECUTE FUNCTION notify_heads_changes()
        """,
        """
        CREATE TRIGGER lookup_counts_updated AFTER UPDATE ON lookup_counts REFERENCING NEW TABLE AS changed_rows
            FOR EACH STATEMENT EXECUTE FUNCTION notify_heads_changes()
        """,
    ]
}
