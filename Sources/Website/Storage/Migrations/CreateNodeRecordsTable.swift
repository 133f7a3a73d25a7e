/// Signed node records (name, optional public URL, software version) by origin, in the changes
/// feed like profiles and counters, so that every node can name every origin.
struct CreateNodeRecordsTable: Migration {
    let statements = [
        """
        CREATE TABLE node_records (
            origin text PRIMARY KEY,
            name text NOT NULL,
            url text,
            software_version text NOT NULL,
            recorded_at timestamptz NOT NULL,
            signature text,
            seq bigint NOT NULL DEFAULT nextval('change_seq'),
            xid xid8 NOT NULL DEFAULT pg_current_xact_id()
        )
        """,
        "CREATE INDEX node_records_feed ON node_records (xid, seq)",
        """
        CREATE TRIGGER node_records_inserted AFTER INSERT ON node_records REFERENCING NEW TABLE AS changed_rows
            FOR EACH STATEMENT EXECUTE FUNCTION notify_heads_changes()
        """,
        """
        CREATE TRIGGER node_records_updated AFTER UPDATE ON node_records REFERENCING NEW TABLE AS changed_rows
            FOR EACH STATEMENT EXECUTE FUNCTION notify_heads_changes()
        """,
    ]
}
