/// Profiles by lower-cased username; `origin` is the node that asked the upstream.
struct CreateProfilesTable: Migration {
    let statements = [
        """
        CREATE TABLE profiles (
            name_key text PRIMARY KEY,
            display_name text NOT NULL,
            uuid text NOT NULL,
            resolved_at timestamptz NOT NULL,
            origin text NOT NULL,
            avatar_sha256 text
        )
        """,
        "CREATE INDEX profiles_uuid ON profiles (uuid)",
    ]
}
