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
    /// Two statements, not one: an insert that waited for another replica's insert to commit
    /// yields to it, but a read in the same statement keeps the snapshot taken before that commit
    /// and would not see the row; the next statement's snapshot does.
    func loadOrCreate() async throws -> NodeIdentity {
        let candidate = NodeIdentity.generate()
        try await client.query(
            """
            INSERT INTO node_identity (singleton, node_id, private_key)
            VALUES (true, \(candidate.nodeID), \(ByteBuffer(bytes: candidate.rawPrivateKey)))
            ON CONFLICT (singleton) DO NOTHING
            """, logger: logger)
        for try await key in try await client.query("SELECT private_key FROM node_identity", logger: logger).decode(
            ByteBuffer.self)
        {
            return try NodeIdentity(rawPrivateKey: Array(buffer: key))
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
