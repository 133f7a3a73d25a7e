import Foundation
import Logging
import PostgresNIO

/// Stored player profiles.
struct ProfileRepository {
    let database: Database

    func profile(nameKey: String) async throws -> Profile? {
        try await database.query(
            """
            SELECT name_key, display_name, uuid, resolved_at, origin, avatar_sha256
            FROM profiles WHERE name_key = \(nameKey)
            """, Self.first)
    }

    /// The most recently resolved profile with this UUID (a renamed player has several).
    func profile(uuid: String) async throws -> Profile? {
        try await database.query(
            """
            SELECT name_key, display_name, uuid, resolved_at, origin, avatar_sha256
            FROM profiles WHERE uuid = \(uuid) ORDER BY resolved_at DESC LIMIT 1
            """, Self.first)
    }

    /// Stores a profile this node resolved, unless the stored one wins the merge rule: last writer
    /// wins on (`resolvedAt`, origin). A stored avatar hash is kept when the new profile has none.
    func save(_ profile: Profile) async throws {
        _ = try await save(profile, countingLookupBy: nil)
    }

    /// What ``save(_:countingLookupBy:)`` learnt in the same round trip.
    struct Saved: Sendable, Equatable {
        /// The head the node already serves for the profile's UUID (linked, or named by another
        /// profile of the UUID), as it was before the save; nil when it has none.
        var servedHead: String?
        /// Every origin's counter for the name, the lookup counted when one was.
        var counts: [HeadCounts.NodeCount]
    }

    /// ``save(_:)``, counting a lookup of the name by `origin` when given (as
    /// ``LookupCountRepository/recordLookup(origin:nameKey:)`` does), and reading the head served
    /// for the UUID, in one statement: a new name's lookup needs no other trip for them.
    func save(_ profile: Profile, countingLookupBy origin: String?) async throws -> Saved {
        // The UUID is the first value bound: `$1` in ``HeadImageRepository/servedHead``.
        try await database.query(
            """
            WITH saved AS (
                INSERT INTO profiles (uuid, name_key, display_name, resolved_at, origin, avatar_sha256)
                VALUES (\(profile.uuid), \(profile.nameKey), \(profile.displayName), \(profile.resolvedAt),
                        \(profile.origin), \(profile.avatarSHA256))
                ON CONFLICT (name_key) DO UPDATE SET
                    display_name = excluded.display_name,
                    uuid = excluded.uuid,
                    resolved_at = excluded.resolved_at,
                    origin = excluded.origin,
                    avatar_sha256 = CASE WHEN excluded.uuid = profiles.uuid
                        THEN coalesce(excluded.avatar_sha256, profiles.avatar_sha256)
                        ELSE excluded.avatar_sha256 END,
                    \(unescaped: FeedStamp.onConflict)
                WHERE \(unescaped: MergeRepository.profileWins("excluded", over: "profiles"))
            ), bumped AS (
                INSERT INTO lookup_counts AS c (origin, name_key, count, last_lookup_at)
                SELECT \(origin)::text, \(profile.nameKey), 1, now() WHERE \(origin)::text IS NOT NULL
                ON CONFLICT (origin, name_key) DO UPDATE
                    SET count = c.count + 1, last_lookup_at = now(), \(unescaped: FeedStamp.onConflict)
                RETURNING origin, count
            ), counts AS (
                SELECT origin, count FROM bumped
                UNION ALL
                SELECT origin, count FROM lookup_counts
                WHERE name_key = \(profile.nameKey) AND origin IS DISTINCT FROM \(origin)::text
            )
            SELECT h.sha256, c.origin, c.count
            FROM (SELECT \(unescaped: HeadImageRepository.servedHead) AS sha256) h LEFT JOIN counts c ON true
            """
        ) { rows in
            var saved = Saved(servedHead: nil, counts: [])
            for try await (head, origin, count) in rows.decode((String?, String?, Int64?).self) {
                saved.servedHead = head
                if let origin, let count { saved.counts.append(.init(origin: origin, count: count)) }
            }
            return saved
        }
    }

    /// Records the head of this node's own profiles with this UUID (a new change for the feed);
    /// other origins' profiles are signed by them and keep their fields.
    func setAvatar(uuid: String, sha256: String, origin: String) async throws {
        try await database.execute(
            """
            UPDATE profiles SET avatar_sha256 = \(sha256), \(unescaped: FeedStamp.update)
            WHERE uuid = \(uuid) AND origin = \(origin) AND avatar_sha256 IS DISTINCT FROM \(sha256)
            """)
    }

    /// Publishes the heads this node linked itself for its own profiles that name none (the head
    /// was stored but the profile's update failed, or the profile was saved while its fetch
    /// failed and the head came later). Returns how many profiles changed.
    func publishLinkedHeads(origin: String) async throws -> Int {
        try await database.values(
            """
            UPDATE profiles p SET avatar_sha256 = h.sha256, \(unescaped: FeedStamp.update)
            FROM player_heads h
            WHERE h.uuid = p.uuid AND p.origin = \(origin) AND p.avatar_sha256 IS NULL
            RETURNING 1
            """, as: Int32.self
        ).count
    }

    /// Up to `limit` UUIDs of this node's own profiles that name no head, in random order (one
    /// whose head keeps failing does not hide the others).
    func headlessUUIDs(origin: String, limit: Int) async throws -> [String] {
        try await database.values(
            """
            SELECT uuid FROM (SELECT DISTINCT uuid FROM profiles WHERE origin = \(origin) AND avatar_sha256 IS NULL) u
            ORDER BY random() LIMIT \(limit)
            """, as: String.self)
    }

    @Sendable private static func first(_ rows: PostgresRowSequence) async throws -> Profile? {
        for try await (nameKey, displayName, uuid, resolvedAt, origin, avatar) in rows.decode(
            (String, String, String, Date, String, String?).self)
        {
            return Profile(
                nameKey: nameKey, displayName: displayName, uuid: uuid, resolvedAt: resolvedAt, origin: origin,
                avatarSHA256: avatar)
        }
        return nil
    }
}
