import CoreMetrics
import Hummingbird
import Prometheus
import SyncProtocol
import Synchronization

/// The node's Prometheus metrics, served at `GET /metrics`. One registry per application, so
/// several nodes in one test process keep their own figures; request latency comes from
/// Hummingbird's `MetricsMiddleware` through swift-metrics, whose one process-wide backend is
/// ``processRegistry`` (bootstrapped once, shared by every node of a test process).
final class NodeMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()

    static let processRegistry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // Prometheus' naming rules: counters end in `_total`.
        factory.nameAndLabelSanitizer = { name, labels in
            (countersWithoutSuffix.contains(name) ? name + "_total" : name, labels)
        }
        MetricsSystem.bootstrap(factory)
        return registry
    }()

    /// Hummingbird's counters, named without the `_total` suffix Prometheus expects.
    static let countersWithoutSuffix: Set<String> = ["hb.requests", "hb.request.errors"]

    /// Help texts for the metrics that come through swift-metrics (which has no help text).
    static let helpTexts = [
        "hb_requests_total": "HTTP requests served, by route, method and status (Hummingbird)",
        "hb_request_errors_total": "HTTP requests that ended in an error, by route, method and status (Hummingbird)",
        "http_server_active_requests": "HTTP requests being served now, by method (Hummingbird)",
        "http_server_request_duration":
            "Time to serve an HTTP request in seconds, by route, method and status (Hummingbird)",
    ]

    /// Adds a `# HELP` line before every `# TYPE` line that has none.
    static func withHelp(_ text: String) -> String {
        var lines: [Substring] = []
        var helped: Set<Substring> = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# HELP ") {
                helped.insert(line.dropFirst(7).prefix { $0 != " " })
            } else if line.hasPrefix("# TYPE ") {
                let name = line.dropFirst(7).prefix { $0 != " " }
                if !helped.contains(name) {
                    lines.append("# HELP \(name) \(helpTexts[String(name)] ?? "Recorded through swift-metrics")")
                }
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    init() {
        _ = Self.processRegistry
    }

    private func counter(_ name: String, _ help: String, _ labels: [(String, String)] = []) -> Prometheus.Counter {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(namespace: "heads", metricName: name, unitName: "total", helpText: help),
            labels: labels)
    }

    func lookupCounted() {
        counter("lookups", "Lookups counted on this node").increment()
    }

    func upstreamCalled(_ service: String, outcome: String) {
        counter("upstream_requests", "Requests to the upstream services", [("service", service), ("outcome", outcome)])
            .increment()
    }

    /// A round of ``HeadRetry``: own profiles given a head they held, heads fetched, fetches failed.
    func headRetried(_ round: HeadRetry.Round) {
        for (outcome, count) in [("published", round.published), ("fetched", round.fetched), ("failed", round.failed)]
        where count > 0 {
            counter(
                "head_retries", "Own profiles without a head given one, or tried, by outcome", [("outcome", outcome)]
            )
            .increment(by: Int64(count))
        }
    }

    /// A request refused or spared by one of the node's limits (`limit` names it: a client's
    /// allowance, a paused upstream, a remembered "no such player", the sync budget, a cap on
    /// long-polls or live streams).
    func limitHit(_ limit: String) {
        counter("limit_hits", "Requests refused or spared by a limit, by limit", [("limit", limit)]).increment()
    }

    /// Requests to an upstream service now, those waiting for a turn, and how long it stays paused.
    func upstreamGate(service: String, inFlight: Int, waiting: Int, pausedSeconds: Double) {
        let labels = [("service", service)]
        gauge("upstream_in_flight", "Requests to the upstream service now", labels).set(Double(inFlight))
        gauge("upstream_waiting", "Requests waiting for a turn at the upstream service", labels).set(Double(waiting))
        gauge("upstream_paused_seconds", "How long the upstream service stays paused (0: open)", labels).set(
            pausedSeconds)
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

    func antiEntropy(neighbour: String, report: AntiEntropy.Report, merged: Int, seconds: Double) {
        let labels = [("neighbour", neighbour)]
        counter("anti_entropy_rounds", "Anti-entropy rounds per neighbour", labels).increment()
        gauge(
            "anti_entropy_last_round",
            "Wall time of the last anti-entropy round per neighbour, both databases included",
            labels, unit: "seconds"
        ).set(seconds)
        counter("anti_entropy_messages", "Digest and records requests made by anti-entropy", labels)
            .increment(by: Int64(report.messages))
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "heads", metricName: "anti_entropy_received", unitName: "bytes_total",
                helpText: "Bytes of digest and records answers received by anti-entropy"),
            labels: labels
        ).increment(by: Int64(report.bytes))
        counter("anti_entropy_repaired", "Records that anti-entropy merged and that changed this node", labels)
            .increment(by: Int64(merged))
    }

    /// How long the oldest writing transaction in the cluster has held the feed's horizon back.
    func feedHorizon(ageSeconds: Double) {
        gauge(
            "feed_horizon_age", "Age of the oldest running writing transaction, which holds back the changes feed",
            unit: "seconds"
        ).set(ageSeconds)
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

    /// `heads_purged_counts_total`, `heads_purged_profiles_total`, `heads_purged_nodes_total`: one
    /// counter per kind (``RecordKind/Traits/purgedName``).
    func purged(_ removed: [RecordKind: Int64]) {
        for kind in RecordKind.allCases {
            counter("purged_\(kind.traits.purgedName)", "Records of this kind removed because their origin is blocked")
                .increment(by: removed[kind] ?? 0)
        }
    }

    func syncFailed(neighbour: String) {
        counter("sync_failures", "Failed pulls per neighbour", [("neighbour", neighbour)]).increment()
    }

    func headFetched(neighbour: String) {
        counter("sync_heads_fetched", "Head PNGs fetched from neighbours", [("neighbour", neighbour)]).increment()
    }

    private func gauge(
        _ name: String, _ help: String, _ labels: [(String, String)] = [], unit: String? = nil
    ) -> Prometheus.Gauge {
        registry.makeGauge(
            descriptor: MetricNameDescriptor(namespace: "heads", metricName: name, unitName: unit, helpText: help),
            labels: labels)
    }

    /// The pool's leases already added to `heads_database_leases_total`.
    private let leasesCounted = Mutex(0)

    func databasePool(inUse: Int, waiting: Int, size: Int, leases: Int) {
        let added = leasesCounted.withLock { counted in
            defer { counted = max(counted, leases) }
            return max(0, leases - counted)
        }
        counter(
            "database_leases",
            "Pooled connections the node's work took: one per statement, one per transaction (database round trips)"
        ).increment(by: Int64(added))
        gauge("database_pool_in_use", "Pooled database connections held by the node's queries").set(Double(inUse))
        gauge("database_pool_waiting", "Queries waiting for a pooled database connection").set(Double(waiting))
        gauge("database_pool_size", "Most connections the pool opens (DATABASE_POOL_SIZE)").set(Double(size))
    }

    /// Seconds since the last successful pull from a neighbour (absent before the first).
    func neighbourSeen(neighbour: String, secondsSinceSuccess: Double?) {
        guard let secondsSinceSuccess else { return }
        gauge(
            "sync_since_last_success", "Time since the last successful pull per neighbour", [("neighbour", neighbour)],
            unit: "seconds"
        ).set(secondsSinceSuccess)
    }

    /// How far behind a neighbour the node is in time: zero when caught up, else the time since
    /// it last was.
    func neighbourLag(neighbour: String, seconds: Double) {
        gauge(
            "sync_lag", "Time since the node was last caught up with a neighbour (0 when caught up)",
            [("neighbour", neighbour)], unit: "seconds"
        ).set(seconds)
    }

    var text: String { registry.emitToString() + Self.withHelp(Self.processRegistry.emitToString()) }
}
