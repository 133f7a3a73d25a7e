import Logging
import NIOCore
import PostgresNIO
import SyncProtocol

/// Head PNGs by sha256, and which head the node serves for a UUID.
struct AvatarRepository {
    let database: Database

    /// Stores a head and, when given, links it to a UUID for this node's avatar route.
    func store(_ image: HeadImage, uuid: String? = nil) async throws {
        try await database.execute(
            """
            WITH stored AS (
                INSERT INTO avatars (sha256, png) VALUES (\(image.sha256), \(ByteBuffer(bytes: image.png)))
                ON CONFLICT (sha256) DO UPDATE SET sha256 = excluded.sha256
                RETURNING sha256
            )
            INSERT INTO player_heads (uuid, sha256) SELECT \(uuid), sha256 FROM stored WHERE \(uuid)::text IS NOT NULL
            ON CONFLICT (uuid) DO UPDATE SET sha256 = excluded.sha256
            """)
    }

    func image(sha256: String) async throws -> HeadImage? {
        try await database.query(
            "SELECT png FROM avatars WHERE sha256 = \(sha256)", Self.first)
    }

    /// The head for a UUID: the one the node linked itself, else the one its newest profile names.
    func image(uuid: String) async throws -> HeadImage? {
        try await database.query(Self.head(uuid: uuid, select: "a.png"), Self.first)
    }

    /// Whether the node has the head for a UUID, without reading its bytes.
    func hasHead(uuid: String) async throws -> Bool {
        try await !database.values(Self.head(uuid: uuid, select: "1"), as: Int32.self).isEmpty
    }

    /// `SELECT columns` of the avatar row served for a UUID (at most one row).
    private static func head(uuid: String, select columns: String) -> PostgresQuery {
        """
        SELECT \(unescaped: columns) FROM avatars a
        WHERE a.sha256 = coalesce(
            (SELECT sha256 FROM player_heads WHERE uuid = \(uuid)),
            (SELECT avatar_sha256 FROM profiles WHERE uuid = \(uuid) AND avatar_sha256 IS NOT NULL
             ORDER BY resolved_at DESC LIMIT 1))
        """
    }

    /// Which of these hashes the node does not have yet.
    func missing(_ hashes: [String]) async throws -> [String] {
        guard !hashes.isEmpty else { return [] }
        return try await database.values(
            """
            SELECT h FROM unnest(\(hashes)::text[]) AS h
            WHERE NOT EXISTS (SELECT 1 FROM avatars WHERE sha256 = h)
            """, as: String.self)
    }

    /// Heads that stored profiles name but the node does not have.
    func missingForProfiles(limit: Int) async throws -> [String] {
        try await database.values(
            """
            SELECT DISTINCT p.avatar_sha256 FROM profiles p
            WHERE p.avatar_sha256 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM avatars a WHERE a.sha256 = p.avatar_sha256)
            LIMIT \(limit)
            """, as: String.self)
    }

    @Sendable private static func first(_ rows: PostgresRowSequence) async throws -> HeadImage? {
        for try await png in rows.decode(ByteBuffer.self) {
            return try HeadImage(validating: Array(buffer: png))
        }
        return nil
    }
}
