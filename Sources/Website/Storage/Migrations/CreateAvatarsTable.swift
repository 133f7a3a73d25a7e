/// Head PNGs, content-addressed by their sha256.
struct CreateAvatarsTable: Migration {
    let statements = [
        """
        CREATE TABLE avatars (
            sha256 text PRIMARY KEY,
            png bytea NOT NULL CHECK (octet_length(png) <= 262144),
            stored_at timestamptz NOT NULL DEFAULT now()
        )
        """
    ]
}
