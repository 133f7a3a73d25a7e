import Logging
import NIOCore
import PostgresNIO
import SyncProtocol

/// Head PNGs by sha256, and which head the node serves for a UUID. One thing, the head image
/// (``HeadImage``), is called "head" in the code; the tables keep their first names (`avatars`
/// for the PNGs, `player_heads` for the UUID's link) and so do the public paths
/// (`/avatars/UUID.png`, `/api/v1/avatars/SHA256`), since a replica of the previous version reads
/// the same tables and neighbours and pages ask for those paths.
struct HeadImageRepository {
    let database: Database

    /// Stores a head and, when given, links it to a UUID for this node's `/avatars/UUID.png`.
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

    /// Stores a head this node fetched for a UUID, links it, and names it in the node's own
    /// profiles of that UUID (a new change for the feed), in one statement; other origins'
    /// profiles are signed by them and keep their fields.
    func storeOwn(_ image: HeadImage, uuid: String, origin: String) async throws {
        try await database.execute(
            """
            WITH stored AS (
                INSERT INTO avatars (sha256, png) VALUES (\(image.sha256), \(ByteBuffer(bytes: image.png)))
                ON CONFLICT (sha256) DO UPDATE SET sha256 = excluded.sha256
                RETURNING sha256
            ), linked AS (
                INSERT INTO player_heads (uuid, sha256) SELECT \(uuid), sha256 FROM stored
                ON CONFLICT (uuid) DO UPDATE SET sha256 = excluded.sha256
            )
            UPDATE profiles SET avatar_sha256 = \(image.sha256), \(unescaped: FeedStamp.update)
            WHERE uuid = \(uuid) AND origin = \(origin) AND avatar_sha256 IS DISTINCT FROM \(image.sha256)
            """)
    }

    func image(sha256: String) async throws -> HeadImage? {
        try await database.query(
            "SELECT png FROM avatars WHERE sha256 = \(sha256)", Self.first)
    }

    /// The head for a UUID: the one the node linked itself, else the one its newest profile names.
    func image(uuid: String) async throws -> HeadImage? {
        try await database.query(
            Self.bound(uuid, "SELECT png FROM avatars WHERE sha256 = \(Self.servedHead)"), Self.first)
    }

    /// What `/avatars/UUID.png` serves, in one round trip: whether the node knows a player with
    /// that UUID, and the head it holds for it (nil while it has none).
    func served(uuid: String) async throws -> (known: Bool, image: HeadImage?) {
        try await database.query(
            Self.bound(
                uuid,
                """
                SELECT EXISTS (SELECT 1 FROM profiles WHERE uuid = $1),
                       (SELECT png FROM avatars WHERE sha256 = \(Self.servedHead))
                """)
        ) { rows in
            for try await (known, png) in rows.decode((Bool, ByteBuffer?).self) {
                return (known, try png.map { try HeadImage(validating: Array(buffer: $0)) })
            }
            return (false, nil)
        }
    }

    /// The sha256 of the head served for the UUID bound as `$1`: the one the node linked itself,
    /// else the one the newest profile of the UUID names. The one rule of which head a UUID has:
    /// ``ProfileRepository/save(_:countingLookupBy:)`` reads it too.
    static let servedHead = """
        coalesce(
            (SELECT sha256 FROM player_heads WHERE uuid = $1),
            (SELECT avatar_sha256 FROM profiles WHERE uuid = $1 AND avatar_sha256 IS NOT NULL
             ORDER BY resolved_at DESC LIMIT 1))
        """

    /// `sql` (a constant of this file) with `uuid` bound as `$1`.
    private static func bound(_ uuid: String, _ sql: String) -> PostgresQuery {
        var bindings = PostgresBindings()
        bindings.append(uuid)
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
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
