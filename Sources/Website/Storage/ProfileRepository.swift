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
        try await database.execute(
            """
            INSERT INTO profiles (name_key, display_name, uuid, resolved_at, origin, avatar_sha256)
            VALUES (\(profile.nameKey), \(profile.displayName), \(profile.uuid), \(profile.resolvedAt),
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
            """)
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
