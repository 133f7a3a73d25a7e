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

    /// Pulls while this replica holds the lease; returns when another replica took it over.
    private func pullWhileLeased(_ lease: inout NeighbourLease, backoff: inout Backoff) async throws {
        var cursor = PullCursor(try await neighbours.checkpoint(nodeID: nodeID))
        var repair = self.repair
        repair.schedule(from: .now)
        var allowance = OriginAllowance(maximum: settings.maximumNewOriginsPerHour)
        var limit = settings.batchSize
        var rounds = 0
        var lastCaughtUp = ContinuousClock.now
        var prefetch: ChangesPrefetch?
        defer { prefetch?.task.cancel() }
        while !Task.isCancelled {
            let roundStarted = ContinuousClock.now
            let wait = cursor.caughtUp ? settings.wait : .zero
            guard try await lease.hold(forWait: wait) else { return }
            if try await repair.runIfDue(base: endpoint.address, neighbours: neighbours) {
                // Renewed for the wait that follows; the round may have merged new origins.
                guard try await lease.take(forWait: wait) else { return }
                allowance.invalidate()
            }
            if allowance.needsCount(at: .now) || (allowance.remaining <= 0 && !allowance.isExact) {
                allowance.counted(try await intake.originsIntroducedLastHour(), at: .now)
            }
            let remaining = allowance.remaining
            guard remaining > 0 else {
                try await pauseForLimit()
                allowance.invalidate()
                continue
            }
            if try await restartIfRealmMatches(&cursor) {
                prefetch?.task.cancel()
                prefetch = nil
                continue
            }
            guard let base = endpoint.address else { throw NeighbourError.status(0) }
            let (document, checkedAhead) = try await answer(
                from: base, cursor: cursor, limit: limit, wait: wait, prefetch: &prefetch)
            guard document.nodeId == nodeID else { throw NeighbourError.wrongNode(document.nodeId) }
            if cursor.isOfAnotherEpoch(document.epoch) {
                // Merging is idempotent and only winners write, so nothing is doubled.
                logger.notice("neighbour's feed has a new epoch; pulling from the beginning")
                try await restart(
                    &cursor, epoch: document.epoch,
                    notice:
                        "the neighbour's database was restored or replaced (new feed epoch): pulling everything again")
                continue
            }
            guard let next = FeedPosition(document.next), next >= cursor.position else {
                throw NeighbourError.badPosition
            }
            if document.more, next != cursor.position {
                prefetch = ChangesPrefetch(
                    base: base, position: next, limit: settings.batchSize, neighbour: neighbour,
                    check: { [intake] in await intake.check($0.records, unreadable: $0.unreadable) })
            }
            // A batch checked ahead is screened again: the blocklist or the realm may have changed.
            let checked =
                if let checkedAhead { intake.screen(checkedAhead) } else {
                    await intake.check(document.records, unreadable: document.unreadable)
                }
            if checked.rejected[BatchScreen.realmReason, default: 0] > 0 { cursor.profilesRefused = true }
            if try await intake.unknownOrigins(in: checked.accepted, allowance: remaining).count > remaining {
                // Never more new origins than the allowance: ask again for fewer records (each
                // record has one origin), or pause once not even one more may come in; first
                // with the exact figure when the one used was a bound.
                if allowance.isExact { limit = remaining } else { allowance.invalidate() }
                continue
            }
            let batch = try await merge(checked, of: document, to: next, cursor: &cursor)
            allowance.merged(origins: intake.origins(of: checked.accepted))
            backoff.succeeded()
            limit = settings.batchSize
            let progressed = next != cursor.position
            cursor.advance(to: next, epoch: document.epoch, more: document.more)
            if cursor.caughtUp { lastCaughtUp = .now }
            metrics.neighbourLag(
                neighbour: nodeID, seconds: cursor.caughtUp ? 0 : (ContinuousClock.now - lastCaughtUp).seconds)
            rounds += 1
            let hashes = batch.profiles.keys.compactMap(\.avatarSHA256)
            if !hashes.isEmpty || rounds % 20 == 1 {
                heads.start(hashes: hashes, sweep: rounds % 20 == 1, from: base, neighbourID: nodeID)
            }
            if !progressed { try await Task.sleep(until: roundStarted + settings.minimumRoundInterval) }
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
        _ checked: Checked, of document: ChangesDocument, to next: FeedPosition, cursor: inout PullCursor
    ) async throws -> MergeBatch {
        if !document.more { cursor.notice = nil }
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
    private func restartIfRealmMatches(_ cursor: inout PullCursor) async throws -> Bool {
        guard cursor.profilesRefused, realmRefusal == nil, cursor.position != .beginning,
            lastRealmRestart.withLock({ $0.map { .now - $0 >= settings.realmRestartSpacing } ?? true })
        else { return false }
        lastRealmRestart.withLock { $0 = .now }
        logger.notice("neighbour's realm matches now; pulling from the beginning")
        try await restart(
            &cursor, epoch: cursor.epoch,
            notice: "the neighbour's profiles are accepted now (its profile service matches): pulling again")
        return true
    }

    private func restart(_ cursor: inout PullCursor, epoch: String?, notice: String) async throws {
        try await neighbours.restart(nodeID: nodeID, holder: settings.holder, epoch: epoch, reason: notice)
        cursor.restart(epoch: epoch, notice: notice)
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
