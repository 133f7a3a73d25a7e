import Foundation
import Logging
import PostgresNIO
import SyncProtocol

/// Neighbours by node id: discovery results, checkpoints, the puller's status and its lease.
struct NeighbourRepository {
    let database: Database

    /// What the node knows about one neighbour (a row; the API answers ``PeersDocument/Peer``).
    struct Neighbour: Sendable, Equatable {
        var nodeId: String
        var name: String
        var address: String
        var state: NeighbourState
        /// Why the neighbour is limited, blocked or partly refused.
        var stateReason: String?
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
        var state: NeighbourState
        /// The feed epoch of the new checkpoint (nil from a neighbour of the previous release).
        var epoch: String? = nil
        var reason: String?
        var lag: Int64
        /// Rejected records by ``RecordVerifier/Rejection/reason``.
        var rejected: [String: Int]
        var rejectedCount: Int { rejected.values.reduce(0, +) }
    }

    /// Records that discovery found `nodeID` at `address`.
    func found(nodeID: String, name: String, address: String) async throws {
        try await database.execute(
            """
            INSERT INTO peers (node_id, name, address) VALUES (\(nodeID), \(name), \(address))
            ON CONFLICT (node_id) DO UPDATE SET name = excluded.name, address = excluded.address, last_seen_at = now()
            """)
    }

    /// Where the puller resumes: the merged position and the feed epoch it belongs to.
    struct Checkpoint: Sendable, Equatable {
        var position: FeedPosition
        var epoch: String?
        /// The checkpoint as stored (a merge checks that it is still this text).
        var stored = "0"
    }

    func checkpoint(nodeID: String) async throws -> Checkpoint {
        try await database.query(
            "SELECT checkpoint, checkpoint_epoch FROM peers WHERE node_id = \(nodeID)"
        ) { rows in
            for try await (text, epoch) in rows.decode((String, String?).self) {
                return Checkpoint(position: FeedPosition(text) ?? .beginning, epoch: epoch, stored: text)
            }
            return Checkpoint(position: .beginning, epoch: nil)
        }
    }

    /// The neighbour's feed started a new epoch: its checkpoint goes back to the beginning.
    func restart(nodeID: String, holder: String, epoch: String?, reason: String) async throws {
        try await database.execute(
            """
            UPDATE peers SET checkpoint = '0', checkpoint_epoch = \(epoch), state = 'syncing', state_reason = \(reason)
            WHERE node_id = \(nodeID) AND lease_holder = \(holder)
            """)
    }

    /// Takes or renews the lease on a neighbour for `duration`; false when another replica holds it.
    func takeLease(nodeID: String, holder: String, duration: Duration) async throws -> Bool {
        let seconds = duration.seconds
        return try await !database.values(
            """
            INSERT INTO peers (node_id, lease_holder, lease_until)
            VALUES (\(nodeID), \(holder), now() + make_interval(secs => \(seconds)))
            ON CONFLICT (node_id) DO UPDATE SET lease_holder = excluded.lease_holder, lease_until = excluded.lease_until
            WHERE peers.lease_holder IS NULL OR peers.lease_holder = excluded.lease_holder OR peers.lease_until < now()
            RETURNING 1
            """, as: Int32.self
        ).isEmpty
    }

    /// Gives the lease up (graceful stop), so another replica takes over at once.
    func releaseLease(nodeID: String, holder: String) async throws {
        try await database.execute(
            "UPDATE peers SET lease_until = NULL, lease_holder = NULL WHERE node_id = \(nodeID) AND lease_holder = \(holder)"
        )
    }

    /// An error shown on the federation page, the neighbour's state left as it is.
    func recordError(nodeID: String, error: String) async throws {
        try await database.execute(
            "UPDATE peers SET last_error = \(error), last_error_at = now() WHERE node_id = \(nodeID)")
    }

    func recordState(nodeID: String, state: NeighbourState, reason: String? = nil, error: String? = nil) async throws {
        try await database.execute(
            """
            UPDATE peers SET state = \(state.rawValue), state_reason = \(reason),
                last_error = coalesce(\(error), last_error),
                last_error_at = CASE WHEN \(error)::text IS NULL THEN last_error_at ELSE now() END
            WHERE node_id = \(nodeID)
            """)
    }

    /// What the federation page says of a neighbour whose name now answers as another node.
    static let replacedReason = "its name now answers as another node (its database was replaced)"

    /// Marks as removed every neighbour that discovery no longer finds while another node it
    /// found answers to the same name: a neighbour whose database was wiped or replaced comes
    /// back as a new node id, and the old one would otherwise keep the state it last had (an
    /// error, say) on the federation page for good. Neighbours merely unreachable are still
    /// found (discovery keeps them while they are listed), so they are left as they are. Run
    /// every discovery round: a round whose write failed is made good by the next one.
    func markReplaced(found: [String]) async throws {
        try await database.execute(
            """
            UPDATE peers SET state = 'removed', state_reason = \(Self.replacedReason)
            WHERE NOT (node_id = ANY(\(found))) AND state NOT IN ('removed', 'blocked')
              AND name IN (SELECT name FROM peers WHERE node_id = ANY(\(found)))
            """)
    }

    func all() async throws -> [Neighbour] {
        try await database.query(
            """
            SELECT node_id, name, address, state, state_reason, checkpoint, last_success_at, last_error,
                   last_error_at, lag, merged_total, rejected_total, last_seen_at
            FROM peers ORDER BY name, node_id
            """, Self.neighbours)
    }

    @Sendable private static func neighbours(_ rows: PostgresRowSequence) async throws -> [Neighbour] {
        var neighbours: [Neighbour] = []
        for try await row in rows.decode(
            (String, String, String, String, String?, String, Date?, String?, Date?, Int64, Int64, Int64, Date).self)
        {
            neighbours.append(
                Neighbour(
                    nodeId: row.0, name: row.1, address: row.2, state: NeighbourState(stored: row.3),
                    stateReason: row.4,
                    checkpoint: row.5, lastSuccessAt: row.6, lastError: row.7, lastErrorAt: row.8, lag: row.9,
                    mergedTotal: row.10, rejectedTotal: row.11, lastSeenAt: row.12))
        }
        return neighbours
    }
}
