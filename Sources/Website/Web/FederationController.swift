import Foundation
import Hummingbird
import SyncProtocol

/// The federation page and `GET /api/v1/peers` (the same as JSON).
struct FederationController<Context: RequestContext> {
    let neighbours: NeighbourRepository
    let trust: TrustRepository
    let blocklist: Blocklist
    let feed: ChangesFeed
    let node: LocalNode
    let nodeNames: NodeNames
    let renderer: PageRenderer

    /// A neighbour counts as connected while its last successful pull is this recent.
    static var connectedWithin: TimeInterval { 120 }
    /// A writing transaction older than this is shown as holding the feed back.
    static var stalledAfter: Double { 10 }

    /// The page at `/federation`, and its JSON under `/api/v1`.
    func addRoutes(to router: Router<Context>, api: RouterGroup<Context>) {
        api.get("peers") { _, _ in
            PeersDocument(
                nodeId: node.id, name: node.name, addressesOfItself: node.addressesOfItself,
                peersListProblems: node.peersListProblems,
                peers: try await neighbours.all().map(PeersDocument.Peer.init),
                blocked: blocklist.blocked.sorted(),
                rejections: try await trust.rejections().map(PeersDocument.Rejection.init),
                purges: try await trust.purges().map(PeersDocument.Purge.init))
        }
        router.get("/federation", use: page)
    }

    @Sendable func page(request: Request, context: Context) async throws -> Response {
        let now = Date()
        let rejections = Dictionary(grouping: try await trust.rejections(), by: \.neighbour)
        let known = try await neighbours.all()
        let behind = try await trust.originsByNeighbour()
        let allOrigins = Array(Set(known.map(\.nodeId) + behind.values.flatMap { $0 }))
        let names = try await nodeNames.labels(for: allOrigins)
        let drawing = FederationDrawing(
            selfName: node.name,
            neighbours: known.filter { $0.state != .removed }.map { neighbour in
                FederationDrawing.Neighbour(
                    id: neighbour.nodeId,
                    name: neighbour.name.isEmpty ? names[neighbour.nodeId] ?? neighbour.nodeId : neighbour.name,
                    state: neighbour.state, lag: neighbour.lag,
                    behind: (behind[neighbour.nodeId] ?? []).filter { $0 != node.id }.map {
                        (id: $0, name: names[$0] ?? NodeRecord.shortID($0))
                    })
            })
        let rows = known.map { neighbour in
            FederationPageView.Neighbour(
                name: neighbour.name.isEmpty ? "(unnamed)" : neighbour.name, nodeId: neighbour.nodeId,
                address: neighbour.address,
                state: neighbour.state.rawValue, stateReason: neighbour.stateReason,
                connected: Self.isConnected(neighbour, at: now),
                lastSuccess: neighbour.lastSuccessAt.map(Self.describe) ?? "never",
                lastError: neighbour.lastError.map { "\($0) (\(neighbour.lastErrorAt.map(Self.describe) ?? ""))" },
                lag: neighbour.lag, merged: neighbour.mergedTotal, rejected: neighbour.rejectedTotal,
                rejectedReasons: rejections[neighbour.nodeId].map { list in
                    list.map { "\($0.reason.replacingOccurrences(of: "_", with: " ")): \($0.total)" }
                        .joined(separator: ", ")
                })
        }
        let purges = try await trust.purges().map { purge in
            FederationPageView.Purge(
                origin: purge.origin, counts: purge.removed[.count] ?? 0, profiles: purge.removed[.profile] ?? 0,
                nodes: purge.removed[.node] ?? 0,
                reason: purge.reason, when: Self.describe(purge.purgedAt))
        }
        let horizon = try await feed.horizon()
        let stalled: String? =
            horizon.ageSeconds >= Self.stalledAfter
            ? "This node's changes feed is held back: a transaction (database process \(horizon.pid.map(String.init) ?? "?")) "
                + "has been writing for \(Int(horizon.ageSeconds)) s, and neighbours receive nothing newer until it ends."
            : nil
        return renderer.render(
            "federation", title: "Federation",
            FederationPageView(
                neighbours: rows.isEmpty ? nil : rows, count: rows.count, selfId: node.id,
                selfAddresses: node.addressesOfItself.isEmpty ? nil : node.addressesOfItself.joined(separator: ", "),
                peersListProblems: node.peersListProblems.isEmpty ? nil : node.peersListProblems,
                stalledFeed: stalled, map: drawing.svg,
                blocked: blocklist.blocked.isEmpty ? nil : blocklist.blocked.sorted(),
                purges: purges.isEmpty ? nil : purges))
    }

    static func isConnected(_ neighbour: NeighbourRepository.Neighbour, at now: Date) -> Bool {
        guard let success = neighbour.lastSuccessAt, neighbour.state != .removed else { return false }
        return now.timeIntervalSince(success) < connectedWithin
    }

    static func describe(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false)) + " UTC"
    }
}
