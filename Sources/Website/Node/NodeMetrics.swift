import Hummingbird
import Prometheus

/// The node's Prometheus metrics, served at `GET /metrics`. One registry per application, so
/// several nodes in one test process keep their own figures.
final class NodeMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()

    private func counter(_ name: String, _ help: String, _ labels: [(String, String)] = []) -> Counter {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(namespace: "heads", metricName: name, unitName: "total", helpText: help),
            labels: labels)
    }

    func requestServed(method: String, status: Int) {
        counter("http_requests", "HTTP requests served", [("method", method), ("status", String(status))]).increment()
    }

    func lookupCounted() {
        counter("lookups", "Lookups counted on this node").increment()
    }

    func upstreamCalled(_ service: String, outcome: String) {
        counter("upstream_requests", "Requests to the upstream services", [("service", service), ("outcome", outcome)])
            .increment()
    }

    func batchMerged(neighbour: String, received: Int, changed: Int, rejected: [String: Int], lag: Int64) {
        let labels = [("neighbour", neighbour)]
        counter("sync_records_received", "Verified records received per neighbour", labels).increment(
            by: Int64(received))
        counter("sync_records_merged", "Records that changed this node's state per neighbour", labels)
            .increment(by: Int64(changed))
        for (reason, count) in rejected {
            counter(
                "sync_records_rejected", "Records rejected per neighbour and reason",
                [("neighbour", neighbour), ("reason", reason)]
            ).increment(by: Int64(count))
        }
        registry.makeGauge(
            descriptor: MetricNameDescriptor(
                namespace: "heads", metricName: "sync_lag", unitName: "records",
                helpText: "Approximate number of changes the node is behind a neighbour"),
            labels: labels
        ).set(Double(lag))
    }

    func neighbourLimited(neighbour: String) {
        counter("sync_limited", "Times a neighbour was paused by the new-origins limit", [("neighbour", neighbour)])
            .increment()
    }

    func blockedOrigins(_ count: Int) {
        registry.makeGauge(
            descriptor: MetricNameDescriptor(
                namespace: "heads", metricName: "blocklist_entries", helpText: "Node ids on this node's blocklist")
        ).set(Double(count))
    }

    func purged(counts: Int64, profiles: Int64) {
        counter("purged_counts", "Lookup counters removed because their origin is blocked").increment(by: counts)
        counter("purged_profiles", "Profiles removed because their origin is blocked").increment(by: profiles)
    }

    func syncFailed(neighbour: String) {
        counter("sync_failures", "Failed pulls per neighbour", [("neighbour", neighbour)]).increment()
    }

    func headFetched(neighbour: String) {
        counter("sync_heads_fetched", "Head PNGs fetched from neighbours", [("neighbour", neighbour)]).increment()
    }

    var text: String { registry.emitToString() }
}

/// Counts every request by method and status for ``NodeMetrics``.
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: NodeMetrics

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        do {
            let response = try await next(request, context)
            metrics.requestServed(method: request.method.rawValue, status: response.status.code)
            return response
        } catch let error as HTTPResponseError {
            metrics.requestServed(method: request.method.rawValue, status: error.status.code)
            throw error
        }
    }
}
