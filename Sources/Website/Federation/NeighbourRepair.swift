import Logging
import SyncProtocol

/// Anti-entropy with one neighbour: every `interval`, digests are compared and what the neighbour
/// has and this node lacks is merged through the same ``NeighbourIntake`` as the feed's records.
/// Run by the neighbour's puller between two pulls, so that one replica, holding the lease, does
/// it, and the neighbour's merges stay one at a time (the new-origins allowance counts on that).
struct NeighbourRepair: Sendable {
    let nodeID: String
    let neighbour: NeighbourClient
    let digests: DigestRepository
    let intake: NeighbourIntake
    let heads: NeighbourHeadFetcher
    let metrics: NodeMetrics
    let logger: Logger
    /// How often (nil: never).
    let interval: Duration?
    /// Rounds that failed in a row: each doubles the wait before the next, up to 16 times.
    private var failures = 0
    private var due: ContinuousClock.Instant?

    init(
        nodeID: String, neighbour: NeighbourClient, digests: DigestRepository, intake: NeighbourIntake,
        heads: NeighbourHeadFetcher, metrics: NodeMetrics, logger: Logger, interval: Duration?
    ) {
        (self.nodeID, self.neighbour, self.digests, self.intake) = (nodeID, neighbour, digests, intake)
        (self.heads, self.metrics, self.logger, self.interval) = (heads, metrics, logger, interval)
    }

    /// The first round comes soon after the pull starts (within 30 s), then every `interval`.
    mutating func schedule(from start: ContinuousClock.Instant) {
        due = interval.map { start + min($0, .seconds(30)) }
    }

    /// Runs a round when one is due; true when it did. A failed round is said on the federation
    /// page (the neighbour's last error) and the next waits longer: a neighbour whose digests lie
    /// costs a bounded number of requests per round, and fewer rounds.
    mutating func runIfDue(base: String?, neighbours: NeighbourRepository) async throws -> Bool {
        guard let due, ContinuousClock.now >= due, let interval, let base else { return false }
        do {
            try await round(base: base)
            failures = 0
        } catch {
            if Task.isCancelled { throw CancellationError() }
            failures += 1
            logger.warning("anti-entropy round failed", metadata: ["error": "\(error)"])
            try await neighbours.recordError(nodeID: nodeID, error: "anti-entropy: \(FailureCategory.of(error))")
        }
        self.due = ContinuousClock.now + interval * (1 << min(failures, 4))
        return true
    }

    /// One round against the neighbour at `base`. It also starts a sweep for heads that stored
    /// profiles name and the node lacks: a head whose fetches all failed (during a partition, say)
    /// is otherwise asked for only every 20th pull round, which an idle feed reaches only every
    /// 20 long-polls.
    @discardableResult
    func round(base: String) async throws -> AntiEntropy.Report {
        let started = ContinuousClock.now
        heads.start(hashes: [], sweep: true, from: base, neighbourID: nodeID)
        let reconciler = AntiEntropy(neighbour: neighbour, digests: digests)
        var merged = 0
        let report = try await reconciler.reconcile(with: base, nodeID: nodeID) { wire in
            let (batch, changed) = try await intake.mergeRepaired(wire)
            merged += changed
            let hashes = batch.profiles.keys.compactMap(\.avatarSHA256)
            if !hashes.isEmpty { heads.start(hashes: hashes, sweep: false, from: base, neighbourID: nodeID) }
        }
        let seconds = (ContinuousClock.now - started).seconds
        metrics.antiEntropy(neighbour: nodeID, report: report, merged: merged, seconds: seconds)
        logger.log(
            level: merged > 0 ? .notice : .debug, "anti-entropy round",
            metadata: [
                "messages": "\(report.messages)", "bytes": "\(report.bytes)", "ranges": "\(report.rangesFetched)",
                "records": "\(report.recordsReceived)", "repaired": "\(merged)", "seconds": "\(seconds)",
            ])
        return report
    }
}
