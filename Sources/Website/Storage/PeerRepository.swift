import Foundation
import Logging
import PostgresNIO

/// Neighbours by node id: discovery results, checkpoints and the puller's status.
struct PeerRepository {
    let database: Database

    /// What the node knows about one neighbour (the federation page and `/api/v1/peers`).
    struct Peer: Sendable, Codable, Equatable {
        var nodeId: String
        var name: String
        var address: String
        var state: String
        var checkpoint: String
        var lastSuccessAt: Date?
        var lastError: String?
        var lastErrorAt: Date?
        var lag: Int64
        var mergedTotal: Int64
        var rejectedTotal: Int64
        var lastSeenAt: Date
    }

    /// The status a merged batch leaves behind.
    struct BatchStatus: Sendable {
        var state: String
        var lag: Int64
        var rejected: Int
    }

    /// Records that discovery found `nodeID` at `address`.
    func found(nodeID: String, name: String, address: String) async throws {
        try await database.execute(
            """
            INSERT INTO peers (node_id, name, address) VALUES (\(nodeID), \(name), \(address))
            ON CONFLICT (node_id) DO UPDATE SET name = excluded.name, address = excluded.address, last_seen_at = now()
            """)
    }

    func checkpoint(nodeID: String, on connection: PostgresConnection) async throws -> FeedPosition {
        let rows = try await connection.query(
            "SELECT checkpoint FROM peers WHERE node_id = \(nodeID)", logger: database.logger)
        for try await text in rows.decode(String.self) { return FeedPosition(text) ?? .beginning }
        return .beginning
    }

    /// Called inside the merge transaction: the checkpoint moves with the data it covers.
    static func recordBatch(
        neighbour: String, checkpoint: FeedPosition, status: BatchStatus, merged: Int,
        on connection: PostgresConnection, logger: Logger
    ) async throws {
        try await connection.query(
            """
            INSERT INTO peers (node_id, checkpoint, state, last_success_at, lag, merged_total, rejected_total)
            VALUES (\(neighbour), \(checkpoint.description), \(status.state), now(), \(status.lag), \(Int64(merged)),
                    \(Int64(status.rejected)))
            ON CONFLICT (node_id) DO UPDATE SET
                checkpoint = excluded.checkpoint, state = excluded.state, last_success_at = now(),
                lag = excluded.lag, merged_total = peers.merged_total + excluded.merged_total,
                rejected_total = peers.rejected_total + excluded.rejected_total
            """, logger: logger)
    }

    func recordState(nodeID: String, state: String, error: String? = nil) async throws {
        try await database.execute(
            """
            UPDATE peers SET state = \(state),
                last_error = coalesce(\(error), last_error),
                last_error_at = CASE WHEN \(error)::text IS NULL THEN last_error_at ELSE now() END
            WHERE node_id = \(nodeID)
            """)
    }

    func all() async throws -> [Peer] {
        try await database.query(
            """
            SELECT node_id, name, address, state, checkpoint, last_success_at, last_error, last_error_at, lag,
                   merged_total, rejected_total, last_seen_at
            FROM peers ORDER BY name, node_id
            """, Self.peers)
    }

    @Sendable private static func peers(_ rows: PostgresRowSequence) async throws -> [Peer] {
        var peers: [Peer] = []
        for try await row in rows.decode(
            (String, String, String, String, String, Date?, String?, Date?, Int64, Int64, Int64, Date).self)
        {
            peers.append(
                Peer(
                    nodeId: row.0, name: row.1, address: row.2, state: row.3, checkpoint: row.4, lastSuccessAt: row.5,
                    lastError: row.6, lastErrorAt: row.7, lag: row.8, mergedTotal: row.9, rejectedTotal: row.10,
                    lastSeenAt: row.11))
        }
        return peers
    }
}
