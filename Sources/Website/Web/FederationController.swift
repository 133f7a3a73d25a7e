import Foundation
import Hummingbird

/// The federation page, `GET /api/v1/peers` (the same as JSON) and `GET /metrics`.
struct FederationController<Context: RequestContext> {
    let peers: PeerRepository
    let node: LocalNode
    let renderer: PageRenderer
    let metrics: NodeMetrics

    /// A neighbour counts as connected while its last successful pull is this recent.
    static var connectedWithin: TimeInterval { 120 }

    struct PeersDocument: ResponseEncodable {
        var nodeId: String
        var name: String
        /// Entries of the peers list that turned out to be this node.
        var addressesOfItself: [String]
        var peers: [PeerRepository.Peer]
    }

    func addRoutes(to router: Router<Context>) {
        router.get("/api/v1/peers") { _, _ in
            PeersDocument(
                nodeId: node.id, name: node.name, addressesOfItself: node.addressesOfItself,
                peers: try await peers.all())
        }
        router.get("/federation", use: page)
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                body: .init(byteBuffer: ByteBuffer(string: metrics.text)))
        }
    }

    @Sendable func page(request: Request, context: Context) async throws -> Response {
        let now = Date()
        let rows: [[String: Any?]] = try await peers.all().map { peer in
            [
                "name": peer.name.isEmpty ? "(unnamed)" : peer.name, "nodeId": peer.nodeId, "address": peer.address,
                "state": peer.state, "connected": Self.isConnected(peer, at: now),
                "lastSuccess": peer.lastSuccessAt.map(Self.describe) ?? "never",
                "lastError": peer.lastError.map { "\($0) (\(peer.lastErrorAt.map(Self.describe) ?? ""))" },
                "lag": peer.lag, "merged": peer.mergedTotal, "rejected": peer.rejectedTotal,
            ]
        }
        return renderer.render(
            "federation", title: "Federation",
            [
                "peers": rows.isEmpty ? nil : rows, "selfId": node.id, "count": rows.count,
                "selfAddresses": node.addressesOfItself.isEmpty ? nil : node.addressesOfItself.joined(separator: ", "),
            ])
    }

    static func isConnected(_ peer: PeerRepository.Peer, at now: Date) -> Bool {
        guard let success = peer.lastSuccessAt, peer.state != "removed" else { return false }
        return now.timeIntervalSince(success) < connectedWithin
    }

    static func describe(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false)) + " UTC"
    }
}
