import Logging
import SyncProtocol
import Synchronization

/// Pulls one neighbour's changes feed into this node, as long as its task runs.
///
/// One replica of the node pulls from a given neighbour: the one holding the
/// ``NeighbourLease``. No database connection is held while the puller waits on the neighbour.
/// Each answer is checked and merged by the ``NeighbourIntake``, together with the new checkpoint
/// in one statement; the next batch is asked for while the current one is checked and merged
/// (``ChangesPrefetch``). Between two pulls, ``NeighbourRepair`` runs anti-entropy when due.
/// Heads are fetched by a ``NeighbourHeadFetcher`` in the background.
final class NeighbourPuller: Sendable {
    typealias Target = NeighbourEndpoint.Target
    typealias Checked = NeighbourIntake.Checked

    let nodeID: String
    private let settings: Settings
    private let endpoint: NeighbourEndpoint
    private let neighbour: NeighbourClient
    private let neighbours: NeighbourRepository
    private let intake: NeighbourIntake
    private let repair: NeighbourRepair
    private let heads: NeighbourHeadFetcher
    private let metrics: NodeMetrics
    private let logger: Logger
    /// When the pull last started again from the beginning because the realm matched again.
    private let lastRealmRestart = Mutex<ContinuousClock.Instant?>(nil)

    init(
        nodeID: String, target: Target, settings: Settings, database: Database, neighbour: NeighbourClient,
        blocklist: Blocklist, ownID: String, metrics: NodeMetrics, logger: Logger
    ) {
        var logger = logger
        logger[metadataKey: "neighbour"] = "\(nodeID.prefix(12))"
        let endpoint = NeighbourEndpoint(target, ourRealm: settings.upstreamRealm)
        let heads = NeighbourHeadFetcher(
            neighbour: neighbour, avatars: HeadImageRepository(database: database), metrics: metrics, logger: logger)
        let intake = NeighbourIntake(
            nodeID: nodeID, ownID: ownID, rules: settings.rules,
            maximumNewOriginsPerHour: settings.maximumNewOriginsPerHour, endpoint: endpoint, blocklist: blocklist,
            trust: TrustRepository(database: database), merger: MergeRepository(database: database, logger: logger),
            logger: logger)
        (self.nodeID, self.settings, self.endpoint, self.neighbour) = (nodeID, settings, endpoint, neighbour)
        (self.neighbours, self.intake, self.heads, self.metrics, self.logger) = (
            NeighbourRepository(database: database), intake, heads, metrics, logger
        )
        self.repair = NeighbourRepair(
            nodeID: nodeID, neighbour: neighbour, digests: DigestRepository(database: database), intake: intake,
            heads: heads, metrics: metrics, logger: logger, interval: settings.antiEntropyInterval)
    }

    func update(_ target: Target) { endpoint.update(target) }

    /// Why this neighbour's profiles are not merged, or nil when its upstream is ours.
    var realmRefusal: String? { endpoint.realmRefusal }

    /// Pulls until the task is cancelled, then gives the lease up.
    func run() async {
        var backoff = Backoff()
        var lease = NeighbourLease(
            neighbours: neighbours, nodeID: nodeID, holder: settings.holder, requestTimeout: settings.requestTimeout)
        while !Task.isCancelled {
            do {
                guard try await lease.take() else {
                    // Another replica of this node pulls from the neighbour (and keeps its status).
                    try await Task.sleep(for: settings.standbyRetry * Double.random(in: 1...1.5))
                    continue
                }
                try await pullWhileLeased(&lease, backoff: &backoff)
            } catch is CancellationError {
                break
            } catch is MergeRepository.LeaseLost {
                logger.debug("lease lost or checkpoint moved; reading it again")
            } catch {
                if Task.isCancelled { break }
                let delay = backoff.failed()
                metrics.syncFailed(neighbour: nodeID)
                logger.warning(
                    "pull failed",
                    metadata: ["error": "\(error)", "retryIn": "\(delay)", "address": "\(endpoint.address ?? "-")"])
                try? await neighbours.recordState(
                    nodeID: nodeID, state: .error, reason: realmRefusal, error: FailureCategory.of(error))
                endpoint.rotate()
                try? await Task.sleep(for: delay)
            }
        }
        await heads.stop()
        await lease.release()
    }

    /// One anti-entropy round against the neighbour at `base`, outside the schedule.
    @discardableResult
    func antiEntropyRound(base: String) async throws -> AntiEntropy.Report {
        try await repair.round(base: base)
    }

    /// Pulls while this replica holds the lease; returns when another replica took it over. The
    /// decisions are ``PullPlan``'s; this loop does the I/O they ask for.
    private func pullWhileLeased(_ lease: inout NeighbourLease, backoff: inout Backoff) async throws {
        var plan = PullPlan(
            try await neighbours.checkpoint(nodeID: nodeID), batchSize: settings.batchSize,
            allowance: OriginAllowance(maximum: settings.maximumNewOriginsPerHour))
        var repair = self.repair
        repair.schedule(from: .now)
        var lastCaughtUp = ContinuousClock.now
        var prefetch: ChangesPrefetch?
        defer { prefetch?.task.cancel() }
        while !Task.isCancelled {
            let roundStarted = ContinuousClock.now
            let wait = plan.longPolls ? settings.wait : .zero
            guard try await lease.hold(forWait: wait) else { return }
            if try await repair.runIfDue(base: endpoint.address, neighbours: neighbours) {
                // Renewed for the wait that follows; the round may have merged new origins.
                guard try await lease.take(forWait: wait) else { return }
                plan.originsMayHaveChanged()
            }
            if plan.next(at: .now) == .countOrigins {
                plan.counted(origins: try await intake.originsIntroducedLastHour(), at: .now)
            }
            guard case .request(let limit, _) = plan.next(at: .now) else {
                try await pauseForLimit()
                plan.originsMayHaveChanged()
                continue
            }
            if try await restartIfRealmMatches(&plan) {
                prefetch?.task.cancel()
                prefetch = nil
                continue
            }
            guard let base = endpoint.address else { throw NeighbourError.status(0) }
            let (document, checkedAhead) = try await answer(
                from: base, cursor: plan.cursor, limit: limit, wait: wait, prefetch: &prefetch)
            let next: FeedPosition
            switch plan.verdict(on: document, from: nodeID) {
            case .wrongNode(let other): throw NeighbourError.wrongNode(other)
            case .badPosition: throw NeighbourError.badPosition
            case .restart(let epoch):
                // Merging is idempotent and only winners write, so nothing is doubled.
                logger.notice("neighbour's feed has a new epoch; pulling from the beginning")
                try await restart(
                    &plan, epoch: epoch,
                    notice:
                        "the neighbour's database was restored or replaced (new feed epoch): pulling everything again")
                continue
            case .merge(let position, let prefetchFrom):
                next = position
                if let prefetchFrom {
                    prefetch = ChangesPrefetch(
                        base: base, position: prefetchFrom, limit: settings.batchSize, neighbour: neighbour,
                        check: { [intake] in await intake.check($0.records, unreadable: $0.unreadable) })
                }
            }
            // A batch checked ahead is screened again: the blocklist or the realm may have changed.
            let checked =
                if let checkedAhead { intake.screen(checkedAhead) } else {
                    await intake.check(document.records, unreadable: document.unreadable)
                }
            if checked.rejected[BatchScreen.realmReason, default: 0] > 0 { plan.profilesRefused() }
            let unknown = try await intake.unknownOrigins(in: checked.accepted, allowance: plan.allowance.remaining)
            guard plan.admit(unknownOrigins: unknown.count) == .merge else { continue }
            let batch = try await merge(checked, of: document, to: next, plan: &plan)
            let hashes = batch.profiles.keys.compactMap(\.avatarSHA256)
            let after = plan.merged(
                to: next, epoch: document.epoch, more: document.more, origins: intake.origins(of: checked.accepted),
                namesHeads: !hashes.isEmpty)
            backoff.succeeded()
            if plan.cursor.caughtUp { lastCaughtUp = .now }
            metrics.neighbourLag(
                neighbour: nodeID, seconds: plan.cursor.caughtUp ? 0 : (ContinuousClock.now - lastCaughtUp).seconds)
            if after.fetchHeads { heads.start(hashes: hashes, sweep: after.sweep, from: base, neighbourID: nodeID) }
            if !after.progressed { try await Task.sleep(until: roundStarted + settings.minimumRoundInterval) }
        }
    }

    /// The next answer: the batch fetched ahead when it is the one asked for, else a new request
    /// (long-polling for `wait`); the prefetch is used up either way.
    private func answer(
        from base: String, cursor: PullCursor, limit: Int, wait: Duration, prefetch: inout ChangesPrefetch?
    ) async throws -> (ChangesDocument, Checked?) {
        defer { prefetch = nil }
        if let ahead = prefetch, ahead.matches(base: base, position: cursor.position, limit: limit), wait == .zero {
            let (document, checked) = try await ahead.task.value
            return (document, checked)
        }
        prefetch?.task.cancel()
        let document = try await neighbour.changes(
            at: base, since: cursor.position, limit: limit, wait: wait,
            epoch: cursor.position == .beginning ? nil : cursor.epoch)
        return (document, nil)
    }

    /// Merges a checked batch with the checkpoint `next` and the neighbour's status, in one
    /// statement that writes only while this replica holds the lease.
    private func merge(
        _ checked: Checked, of document: ChangesDocument, to next: FeedPosition, plan: inout PullPlan
    ) async throws -> MergeBatch {
        if !document.more { plan.caughtUpNoticeCleared() }
        let cursor = plan.cursor
        let status = NeighbourRepository.BatchStatus(
            state: document.more ? .syncing : .idle, epoch: document.epoch,
            reason: [realmRefusal, cursor.notice].compactMap { $0 }.joined(separator: "; ").nilIfEmpty,
            lag: document.more ? max(0, document.latestSequence - (document.records.last?.sequence ?? 0)) : 0,
            rejected: checked.rejected)
        let batch = MergeBatch(checked.accepted)
        let outcome = try await intake.merger.merge(
            batch, from: nodeID, rejected: checked.rejected,
            checkpoint: .init(position: next, status: status, holder: settings.holder, previous: cursor.stored))
        metrics.batchMerged(
            neighbour: nodeID, received: checked.accepted.count, changed: outcome.changed, rejected: checked.rejected,
            lag: status.lag)
        return batch
    }

    /// Starts the pull again from the beginning when profiles were refused for the neighbour's
    /// realm and it matches now (at most once per ``Settings/realmRestartSpacing``).
    private func restartIfRealmMatches(_ plan: inout PullPlan) async throws -> Bool {
        guard plan.wantsRealmRestart(realmRefused: realmRefusal != nil),
            lastRealmRestart.withLock({ $0.map { .now - $0 >= settings.realmRestartSpacing } ?? true })
        else { return false }
        lastRealmRestart.withLock { $0 = .now }
        logger.notice("neighbour's realm matches now; pulling from the beginning")
        try await restart(
            &plan, epoch: plan.cursor.epoch,
            notice: "the neighbour's profiles are accepted now (its profile service matches): pulling again")
        return true
    }

    private func restart(_ plan: inout PullPlan, epoch: String?, notice: String) async throws {
        try await neighbours.restart(nodeID: nodeID, holder: settings.holder, epoch: epoch, reason: notice)
        plan.restart(epoch: epoch, notice: notice)
    }

    /// A paused neighbour: its checkpoint stays at what was merged; nothing is lost.
    private func pauseForLimit() async throws {
        let reason =
            "paused: introduced \(settings.maximumNewOriginsPerHour) new origins within the last hour "
            + "(SYNC_MAX_NEW_ORIGINS_PER_HOUR); resumes by itself"
        try await neighbours.recordState(nodeID: nodeID, state: .limited, reason: reason)
        metrics.neighbourLimited(neighbour: nodeID)
        logger.warning("neighbour limited", metadata: ["why": "\(reason)"])
        try await Task.sleep(for: settings.limitedRetry)
    }
}

extension String {
    /// nil for the empty string.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
