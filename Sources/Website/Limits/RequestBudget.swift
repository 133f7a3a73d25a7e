import Hummingbird
import Synchronization

/// A share of the node that one kind of anonymous request cannot exceed: at most `maximum` of
/// its database reads at once (beyond: 503 with `Retry-After` at once, the request is shed rather
/// than queued behind the others), its open waits (long-polls) bounded per client and in all, and
/// the answers of waits woken together paced (``LongPollPacing``).
/// Sync requests get one, so that neighbours and scanners can neither fill the database pool nor
/// hold the visitors' pages behind them.
final class RequestBudget: Sendable {
    let name: String
    let maximum: Int
    private let inFlight = Mutex(0)
    private let waits: Mutex<SlotCounts>
    private let pacing: Mutex<LongPollPacing>
    private let metrics: NodeMetrics

    init(
        name: String, maximum: Int, waitsPerClient: Int, waits: Int, wokenAnswersPerSecond: Int,
        metrics: NodeMetrics
    ) {
        self.name = name
        self.maximum = maximum
        self.waits = Mutex(SlotCounts(perClient: waitsPerClient, total: waits))
        self.pacing = Mutex(LongPollPacing(answersPerSecond: wokenAnswersPerSecond))
        self.metrics = metrics
    }

    /// Runs `work` within the budget, or throws 503 when `maximum` run already.
    func run<T>(_ work: () async throws -> T) async throws -> T {
        let admitted = inFlight.withLock { count in
            guard count < maximum else { return false }
            count += 1
            return true
        }
        guard admitted else {
            metrics.limitHit("\(name)_concurrent")
            throw HTTPError(
                .serviceUnavailable, headers: [.retryAfter: "1"],
                message: "This node is answering as many \(name) requests as it serves at once; try again shortly.")
        }
        defer { inFlight.withLock { $0 -= 1 } }
        return try await work()
    }

    /// Runs `work`, which waits (a long-poll), holding one of `client`'s waits; 503 when the
    /// client or the node holds the most already.
    func waiting<T>(client: String, _ work: () async throws -> T) async throws -> T {
        if let refusal = waits.withLock({ $0.open(client) }) {
            metrics.limitHit("\(name)_waits_\(refusal == .client ? "per_client" : "total")")
            throw HTTPError(
                .serviceUnavailable, headers: [.retryAfter: "5"],
                message: refusal == .client
                    ? "This client holds as many open \(name) waits as one client may; try again shortly."
                    : "This node holds as many open \(name) waits as it serves; try again shortly.")
        }
        defer { waits.withLock { $0.close(client) } }
        return try await work()
    }

    /// Returns when a wait woken by notification `generation` may answer: at once, or when its
    /// round comes (``LongPollPacing``), or when the task is cancelled.
    func paceWokenAnswer(generation: Int) async {
        let now = ContinuousClock.now
        let open = waits.withLock { $0.all }
        let round = pacing.withLock { $0.round(generation: generation, waiters: open, now: now) }
        guard round > now else { return }
        metrics.limitHit("\(name)_woken_answers_paced")
        try? await Task.sleep(until: round, clock: .continuous)
    }
}
