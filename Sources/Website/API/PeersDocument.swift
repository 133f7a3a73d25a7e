import Foundation
import Hummingbird

/// `GET /api/v1/peers`: what the federation page shows, as JSON. Its types are its own, made from
/// the storage rows, so that renaming a column does not change the API; the field names are those
/// 0.4.0 answered (`nodesRemoved` is new).
struct PeersDocument: ResponseEncodable {
    /// One neighbour (``NeighbourRepository/Neighbour``).
    struct Peer: Encodable, Equatable {
        var nodeId: String
        var name: String
        var address: String
        /// ``NeighbourState``'s raw value.
        var state: String
        var stateReason: String?
        var checkpoint: String
        var lastSuccessAt: Date?
        var lastError: String?
        var lastErrorAt: Date?
        var lag: Int64
        var mergedTotal: Int64
        var rejectedTotal: Int64
        var lastSeenAt: Date

        init(_ row: NeighbourRepository.Neighbour) {
            nodeId = row.nodeId
            name = row.name
            address = row.address
            state = row.state.rawValue
            stateReason = row.stateReason
            checkpoint = row.checkpoint
            lastSuccessAt = row.lastSuccessAt
            lastError = row.lastError
            lastErrorAt = row.lastErrorAt
            lag = row.lag
            mergedTotal = row.mergedTotal
            rejectedTotal = row.rejectedTotal
            lastSeenAt = row.lastSeenAt
        }
    }

    /// Records refused from one neighbour for one reason.
    struct Rejection: Encodable, Equatable {
        var neighbour: String
        var reason: String
        var total: Int64

        init(_ row: TrustRepository.Rejections) {
            neighbour = row.neighbour
            reason = row.reason
            total = row.total
        }
    }

    /// What the blocklist removed of one origin.
    struct Purge: Encodable, Equatable {
        var origin: String
        var purgedAt: Date
        var countsRemoved: Int64
        var profilesRemoved: Int64
        var nodesRemoved: Int64
        var reason: String

        init(_ row: TrustRepository.Purge) {
            origin = row.origin
            purgedAt = row.purgedAt
            countsRemoved = row.removed[.count] ?? 0
            profilesRemoved = row.removed[.profile] ?? 0
            nodesRemoved = row.removed[.node] ?? 0
            reason = row.reason
        }
    }

    var nodeId: String
    var name: String
    /// Entries of the peers list that turned out to be this node.
    var addressesOfItself: [String]
    /// What the neighbours lists held that is not a neighbour's address, one sentence per list.
    var peersListProblems: [String]
    var peers: [Peer]
    var blocked: [String]
    var rejections: [Rejection]
    var purges: [Purge]
}
