import Logging
import PostgresNIO
import SyncProtocol

/// Loads the node's identity, creating it on the node's first start.
struct NodeIdentityRepository {
    let client: PostgresClient
    let logger: Logger

    /// Returns the stored identity. Replicas starting together race harmlessly: the first insert
    /// wins and every replica reads the same row back.
    ///
    /// A statement whose insert waited for another replica's insert to commit sees that row as a
    /// conflict, but its own snapshot, taken before that commit, does not show it: it returns no
    /// row, and the next statement (a new snapshot) reads it.
    func loadOrCreate() async throws -> NodeIdentity {
        let candidate = NodeIdentity.generate()
        for _ in 1...3 {
            let rows = try await client.query(
                """
                WITH inserted AS (
                    INSERT INTO node_identity (singleton, node_id, private_key)
                    VALUES (true, \(candidate.nodeID), \(ByteBuffer(bytes: candidate.rawPrivateKey)))
                    ON CONFLICT (singleton) DO NOTHING
                    RETURNING private_key
                )
                SELECT private_key FROM inserted
                UNION ALL
                SELECT private_key FROM node_identity
                LIMIT 1
                """, logger: logger)
            for try await key in rows.decode(ByteBuffer.self) {
                return try NodeIdentity(rawPrivateKey: Array(buffer: key))
            }
        }
        throw PostgresStorageError.missingRow("node_identity")
    }
}

enum PostgresStorageError: Error, CustomStringConvertible {
    case missingRow(String)
    var description: String {
        switch self {
        case .missingRow(let table): return "expected a row in \(table)"
        }
    }
}
