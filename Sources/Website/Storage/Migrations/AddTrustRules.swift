/// The trust rules of stage two.
///
/// - Rows that break the plausibility rules (a count above 10¹², a time before Minecraft or more
///   than the default tolerance ahead) are removed: a neighbour signed them, nobody should show them.
/// - `origins` records which neighbour first delivered each origin (limits per neighbour), and
///   `origin_sources` every neighbour that delivered it (the purge of a blocked neighbour removes
///   only origins that no other neighbour delivered).
/// - `rejections` counts rejected records per neighbour and reason; `purges` what the blocklist removed.
/// - `peers.state_reason` says why a neighbour is limited, blocked or refused.
/// - Own records get their signature stored once made; that write sets `heads.quiet` so that it
///   does not wake long-polls (nothing new is in the feed).
struct AddTrustRules: Migration {
    let statements = [
        """
        DELETE FROM lookup_counts
        WHERE count > 1000000000000 OR last_lookup_at > now() + interval '300 seconds'
           OR last_lookup_at < timestamptz '2009-05-17 00:00:00+00'
        """,
        """
        DELETE FROM profiles
        WHERE resolved_at > now() + interval '300 seconds' OR resolved_at < timestamptz '2009-05-17 00:00:00+00'
        """,
        """
        CREATE TABLE origins (
            origin text PRIMARY KEY,
            first_neighbour text,
            first_seen_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        "CREATE INDEX origins_first_neighbour ON origins (first_neighbour, first_seen_at)",
        """
        INSERT INTO origins (origin)
        SELECT origin FROM lookup_counts UNION SELECT origin FROM profiles
        """,
        """
        CREATE TABLE origin_sources (
            origin text NOT NULL,
            neighbour text NOT NULL,
            PRIMARY KEY (origin, neighbour)
        )
        """,
        """
        CREATE TABLE rejections (
            neighbour text NOT NULL,
            reason text NOT NULL,
            total bigint NOT NULL DEFAULT 0,
            last_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (neighbour, reason)
        )
        """,
        """
        CREATE TABLE purges (
            origin text PRIMARY KEY,
            purged_at timestamptz NOT NULL DEFAULT now(),
            counts_removed bigint NOT NULL,
            profiles_removed bigint NOT NULL,
            reason text NOT NULL
        )
        """,
        "ALTER TABLE peers ADD COLUMN state_reason text",
        """
        CREATE OR REPLACE FUNCTION notify_heads_changes() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF coalesce(current_setting('heads.quiet', true), '') <> 'on'
               AND EXISTS (SELECT 1 FROM changed_rows) THEN
                PERFORM pg_notify('heads_changes', '');
            END IF;
            RETURN NULL;
        END $$
        """,
    ]
}
