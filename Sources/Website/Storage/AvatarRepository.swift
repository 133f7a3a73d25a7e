import Logging
import PostgresNIO

/// Head PNGs by sha256.
struct AvatarRepository {
    let client: PostgresClient
    let logger: Logger

    func store(_ image: HeadImage) async throws {
        try await client.query(
            """
            INSERT INTO avatars (sha256, png) VALUES (\(image.sha256), \(ByteBuffer(bytes: image.png)))
            ON CONFLICT (sha256) DO NOTHING
            """, logger: logger)
    }

    func image(sha256: String) async throws -> HeadImage? {
        let rows = try await client.query("SELECT png FROM avatars WHERE sha256 = \(sha256)", logger: logger)
        for try await png in rows.decode(ByteBuffer.self) {
            return try HeadImage(validating: Array(buffer: png))
        }
        return nil
    }
}
