/// The node's one identity row: its Ed25519 key, kept with the data rather than in the container.
struct CreateNodeIdentityTable: Migration {
    let statements = [
        """
        CREATE TABLE node_identity (
            singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
            node_id text NOT NULL,
            private_key bytea NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now()
        )
        """
    ]
}
