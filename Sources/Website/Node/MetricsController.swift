import Foundation
import Hummingbird

/// `GET /metrics`: the node's figures in Prometheus' text format: its own counters, the request
/// latency histograms of Hummingbird's metrics middleware, the process, the database pool and
/// each neighbour's freshness.
struct MetricsController<Context: RequestContext> {
    let metrics: NodeMetrics
    let database: Database
    let neighbours: NeighbourRepository
    let feed: ChangesFeed
    let upstream: UpstreamLimits

    func addRoutes(to router: Router<Context>) {
        router.get("/metrics") { _, _ in
            for gate in [upstream.profiles, upstream.avatars] {
                let usage = gate.usage
                metrics.upstreamGate(
                    service: gate.service, inFlight: usage.inFlight, waiting: usage.waiting,
                    pausedSeconds: gate.pausedFor?.seconds ?? 0)
            }
            metrics.databasePool(
                inUse: database.usage.inUse, waiting: database.usage.waiting,
                size: database.usage.size, leases: database.usage.leases)
            if let horizon = try? await feed.horizon() {
                metrics.feedHorizon(ageSeconds: horizon.ageSeconds)
            }
            if let known = try? await neighbours.all() {
                let now = Date()
                for neighbour in known {
                    metrics.neighbourSeen(
                        neighbour: neighbour.nodeId,
                        secondsSinceSuccess: neighbour.lastSuccessAt.map { now.timeIntervalSince($0) })
                }
            }
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: metrics.text + ProcessMetrics.text())))
        }
    }
}
