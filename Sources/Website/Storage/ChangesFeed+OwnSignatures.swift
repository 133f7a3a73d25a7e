import PostgresNIO
import SyncProtocol

extension ChangesFeed {
    /// Stores the signatures this node made of its own records while serving them, so that each
    /// is signed once. A row written again meanwhile (other content) keeps no signature.
    ///
    /// One statement, so one round trip. Its first part sets, for its own transaction only,
    /// `heads.quiet` (the change triggers wake no long-poll: the feed has nothing new) and
    /// `synchronous_commit = off`: a signature is made again to the same bytes when served, so
    /// a crash that forgets the last stored ones loses nothing, and the commit need not wait for
    /// the disk. The write holds the feed's horizon (it has a transaction id) for less time so.
    func storeOwnSignatures(_ records: [SyncRecord]) async throws {
        var profiles: [(ProfileRecord, String)] = []
        var counts: [(CountRecord, String)] = []
        var nodes: [(NodeRecord, String)] = []
        for record in records {
            switch record {
            case .profile(let profile, let signature): profiles.append((profile, signature))
            case .count(let count, let signature): counts.append((count, signature))
            case .node(let node, let signature): nodes.append((node, signature))
            }
        }
        guard !profiles.isEmpty || !counts.isEmpty || !nodes.isEmpty else { return }
        // Every update joins `settings`, so the settings are made before any row is written
        // (the triggers run at the statement's end); with no row to write, nothing needs them.
        // Data-modifying parts of a `WITH` run to completion whether or not anything reads them.
        try await database.execute(
            """
            WITH settings AS MATERIALIZED (
                SELECT set_config('heads.quiet', 'on', true), set_config('synchronous_commit', 'off', true)
            ), stored_nodes AS (
                UPDATE node_records n SET signature = i.signature
                FROM settings, unnest(\(nodes.map(\.0.origin))::text[], \(nodes.map(\.0.name))::text[],
                            \(nodes.map { $0.0.url ?? "" })::text[], \(nodes.map { $0.0.url == nil })::bool[],
                            \(nodes.map(\.0.softwareVersion))::text[], \(nodes.map(\.0.recordedAtMicros))::int8[],
                            \(nodes.map(\.1))::text[])
                     AS i(origin, name, url, no_url, software_version, micros, signature)
                WHERE n.origin = i.origin AND n.name = i.name
                  AND n.url IS NOT DISTINCT FROM (CASE WHEN i.no_url THEN NULL ELSE i.url END)
                  AND n.software_version = i.software_version
                  AND (extract(epoch FROM n.recorded_at) * 1000000)::bigint = i.micros AND n.signature IS NULL
            ), stored_counts AS (
                UPDATE lookup_counts c SET signature = i.signature
                FROM settings, unnest(\(counts.map(\.0.origin))::text[], \(counts.map(\.0.nameKey))::text[],
                            \(counts.map(\.0.count))::int8[], \(counts.map(\.0.lastLookupAtMicros))::int8[],
                            \(counts.map(\.1))::text[]) AS i(origin, name_key, count, micros, signature)
                WHERE c.origin = i.origin AND c.name_key = i.name_key AND c.count = i.count
                  AND (extract(epoch FROM c.last_lookup_at) * 1000000)::bigint = i.micros AND c.signature IS NULL
            ), stored_profiles AS (
                UPDATE profiles p SET signature = i.signature
                FROM settings, unnest(\(profiles.map(\.0.nameKey))::text[], \(profiles.map(\.0.displayName))::text[],
                            \(profiles.map(\.0.uuid))::text[], \(profiles.map(\.0.resolvedAtMicros))::int8[],
                            \(profiles.map(\.0.origin))::text[], \(profiles.map { $0.0.avatarSHA256 ?? "" })::text[],
                            \(profiles.map(\.1))::text[])
                     AS i(name_key, display_name, uuid, micros, origin, avatar, signature)
                WHERE p.name_key = i.name_key AND p.display_name = i.display_name AND p.uuid = i.uuid
                  AND (extract(epoch FROM p.resolved_at) * 1000000)::bigint = i.micros AND p.origin = i.origin
                  AND coalesce(p.avatar_sha256, '') = i.avatar AND p.signature IS NULL
            )
            SELECT 1
            """)
    }
}
