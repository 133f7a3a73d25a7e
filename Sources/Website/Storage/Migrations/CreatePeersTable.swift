/// Neighbours by node id: where they were last found, the feed position merged up to (the
/// checkpoint, written in the same transaction as the merged data) and the puller's status.
struct CreatePeersTable: Migration {
    let statements = [
        """
        CREATE TABLE peers (
            node_id text PRIMARY KEY,
            name text NOT NULL DEFAULT '',
            address text NOT NULL DEFAULT '',
            checkpoint text NOT NULL DEFAULT '0',
            state text NOT NULL DEFAULT 'discovered',
            last_success_at timestamptz,
            last_error text,
            last_error_at timestamptz,
            lag bigint NOT NULL DEFAULT 0,
            merged_total bigint NOT NULL DEFAULT 0,
            rejected_total bigint NOT NULL DEFAULT 0,
            last_seen_at timestamptz NOT NULL DEFAULT now()
        )
        """
    ]
}
