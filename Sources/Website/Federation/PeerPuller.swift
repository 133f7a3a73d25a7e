import Foundation
import Logging
import SyncProtocol
import Synchronization

/// Pulls one neighbour's changes feed into this node, as long as its task runs.
///
/// Exactly one replica of the node pulls from a given neighbour: the puller takes a lease on the
/// neighbour's row (``PeerRepository/takeLease(nodeID:holder:duration:)``), renews it before each
/// request, and merges only while it still holds it; replicas without the lease stand by. No
/// database connection is held while the puller waits on the neighbour: one is taken from the
/// pool per query and per merge. Each batch is checked (shape, plausibility, signature, blocklist,
/// upstream realm, new origins per hour), then merged together with the new checkpoint in one
/// transaction. Heads are fetched by a ``HeadFetcher`` in the background.
final class PeerPuller: Sendable {
    struct Settings: Sendable {
        var batchSize: Int
        var wait: Duration
        /// Deadline of a sync request beyond its wait (the lease covers wait + timeout + margin).
        var requestTimeout: Duration = .seconds(10)
        /// How often a standby replica tries to take over the neighbour.
        var standbyRetry: Duration = .seconds(2)
        /// A round that brings nothing new lasts at least this long (a neighbour that answers at
        /// once without progress is not asked again in a tight loop).
        var minimumRoundInterval: Duration = .milliseconds(500)
        /// How often a neighbour paused by the new-origins limit is looked at again.
        var limitedRetry: Duration = .seconds(30)
        var rules = PlausibilityRules()
        var maximumNewOriginsPerHour = 1000
        /// This node's upstream realm; a neighbour's profiles are merged only when it names the same.
        var upstreamRealm = ""
        /// This replica's lease holder name: stable across restarts of one replica (host name and
        /// port: a replica killed and started again takes its leases back at once instead of
        /// waiting for them to expire), unique among running replicas.
        var holder = UUID().uuidString
        /// How often the data is compared with the neighbour's by digests (nil: never).
        var antiEntropyInterval: Duration? = .seconds(300)
        /// The least time between two pulls from the beginning because the neighbour's realm
        /// matches again: a neighbour that flips its realm back and forth does not make this node
        /// pull its whole feed on every flip (what was refused meanwhile comes with the next one).
        var realmRestartSpacing: Duration = .seconds(600)
    }

    /// Where the neighbour answers and what it says of itself; discovery updates it.
    struct Target: Sendable {
        var addresses: [String]
        var upstreamRealm: String?
    }

    let nodeID: String
    private let target: Mutex<Target>
    /// When the pull last started again from the beginning because the realm matched again.
    private let lastRealmRestart = Mutex<ContinuousClock.Instant?>(nil)
    private let settings: Settings
    private let neighbour: NeighbourClient
    private let peers: PeerRepository
    private let trust: TrustRepository
    private let merger: MergeRepository
    private let database: Database
    private let heads: HeadFetcher
    private let blocklist: Blocklist
    private let ownID: String
    private let metrics: NodeMetrics
    private let logger: Logger

    init(
        nodeID: String, target: Target, settings: Settings, database: Database, neighbour: NeighbourClient,
        blocklist: Blocklist, ownID: String, metrics: NodeMetrics, logger: Logger
    ) {
        self.nodeID = nodeID
        self.target = Mutex(target)
        self.settings = settings
        self.database = database
        self.neighbour = neighbour
        self.peers = PeerRepository(database: database)
        self.trust = TrustRepository(database: database)
        self.merger = MergeRepository(logger: logger)
        self.blocklist = blocklist
        self.ownID = ownID
        self.metrics = metrics
        var logger = logger
        logger[metadataKey: "neighbour"] = "\(nodeID.prefix(12))"
        self.logger = logger
        self.heads = HeadFetcher(
            neighbour: neighbour, avatars: AvatarRepository(database: database), metrics: metrics, logger: logger)
    }

    func update(_ target: Target) {
        self.target.withLock { $0 = target }
    }

    private var currentAddress: String? { target.withLock { $0.addresses.first } }

    /// After a failure, try the neighbour's next address first.
    private func rotateAddress() {
        target.withLock { target in
            if target.addresses.count > 1 { target.addresses.append(target.addresses.removeFirst()) }
        }
    }

    /// Why this neighbour's profiles are not merged, or nil when its upstream is ours.
    var realmRefusal: String? {
        BatchScreen.realmRefusal(named: target.withLock { $0.upstreamRealm }, ours: settings.upstreamRealm)
    }

    /// Pulls until the task is cancelled, then gives the lease up.
    func run() async {
        var backoff = Backoff()
        while !Task.isCancelled {
            do {
                guard try await peers.takeLease(nodeID: nodeID, holder: settings.holder, duration: leaseDuration(.zero))
                else {
                    // Another replica of this node pulls from the neighbour (and keeps its status).
                    try await Task.sleep(for: settings.standbyRetry * Double.random(in: 1...1.5))
                    continue
                }
                try await pullWhileLeased(backoff: &backoff)
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
                    metadata: ["error": "\(error)", "retryIn": "\(delay)", "address": "\(currentAddress ?? "-")"])
                try? await peers.recordState(nodeID: nodeID, state: .error, reason: realmRefusal, error: "\(error)")
                rotateAddress()
                try? await Task.sleep(for: delay)
            }
        }
        await heads.stop()
        // Not cancelled itself: the lease is given up even though this task was cancelled.
        let (peers, nodeID, holder) = (peers, nodeID, settings.holder)
        await Task { try? await peers.releaseLease(nodeID: nodeID, holder: holder) }.value
    }

    /// A lease covers a request's wait and deadline with 20 s to spare; it is renewed before a
    /// request once less than 10 s would be left after it (not before every request: a renewal is
    /// a committed write, and a propagation takes a request per hop).
    private func leaseDuration(_ wait: Duration) -> Duration { wait + settings.requestTimeout + .seconds(20) }
    private func leaseNeeded(_ wait: Duration) -> Duration { wait + settings.requestTimeout + .seconds(10) }

    /// Pulls while this replica holds the lease; returns when another replica took it over.
    private func pullWhileLeased(backoff: inout Backoff) async throws {
        let checkpoint = try await peers.checkpoint(nodeID: nodeID)
        var position = checkpoint.position
        /// The checkpoint as stored: the merge writes only while it is unchanged.
        var stored = checkpoint.stored
        var epoch = checkpoint.epoch
        /// Said on the federation page until the neighbour is caught up again.
        var notice: String?
        var caughtUp = false
        var limit = settings.batchSize
        var rounds = 0
        var lastCaughtUp = ContinuousClock.now
        var nextAntiEntropy = settings.antiEntropyInterval.map { ContinuousClock.now + min($0, .seconds(30)) }
        var leaseUntil = ContinuousClock.now
        var allowance = OriginAllowance(maximum: settings.maximumNewOriginsPerHour)
        /// Profiles were refused for the neighbour's realm since the last pull from the beginning:
        /// when the realm matches again (it was upgraded or reconfigured), everything is pulled
        /// again, so that nothing refused for a reason that cleared stays lost.
        var profilesRefused = false
        /// Anti-entropy rounds with this neighbour that failed in a row.
        var antiEntropyFailures = 0
        /// The next batch, asked for while the current one is checked and merged (pipelining).
        var prefetch: Prefetch?
        defer { prefetch?.task.cancel() }
        while !Task.isCancelled {
            let roundStarted = ContinuousClock.now
            let wait = caughtUp ? settings.wait : .zero
            if leaseUntil - roundStarted < leaseNeeded(wait) {
                guard
                    try await peers.takeLease(nodeID: nodeID, holder: settings.holder, duration: leaseDuration(wait))
                else { return }
                leaseUntil = roundStarted + leaseDuration(wait)
            }
            if let due = nextAntiEntropy, roundStarted >= due, let interval = settings.antiEntropyInterval,
                let base = currentAddress
            {
                do {
                    try await antiEntropyRound(base: base)
                    antiEntropyFailures = 0
                } catch {
                    if Task.isCancelled { return }
                    // Said on the federation page (the neighbour's last error), and the next round
                    // waits longer: a neighbour whose digests lie costs a bounded number of
                    // requests per round, and fewer rounds.
                    antiEntropyFailures += 1
                    logger.warning("anti-entropy round failed", metadata: ["error": "\(error)"])
                    try await peers.recordError(nodeID: nodeID, error: "anti-entropy: \(error)")
                }
                nextAntiEntropy = ContinuousClock.now + interval * (1 << min(antiEntropyFailures, 4))
                // Renew the lease for the wait that follows; the round may have merged new origins.
                let renewed = ContinuousClock.now
                guard
                    try await peers.takeLease(nodeID: nodeID, holder: settings.holder, duration: leaseDuration(wait))
                else { return }
                leaseUntil = renewed + leaseDuration(wait)
                allowance.invalidate()
            }
            let now = ContinuousClock.now
            if allowance.needsCount(at: now) || (allowance.remaining <= 0 && !allowance.isExact) {
                allowance.counted(try await trust.originsIntroducedLastHour(by: nodeID), at: now)
            }
            let remaining = allowance.remaining
            guard remaining > 0 else {
                try await pauseForLimit()
                allowance.invalidate()
                continue
            }
            if profilesRefused, realmRefusal == nil, position != .beginning,
                lastRealmRestart.withLock({ $0.map { .now - $0 >= settings.realmRestartSpacing } ?? true })
            {
                lastRealmRestart.withLock { $0 = .now }
                let reason = "the neighbour's profiles are accepted now (its profile service matches): pulling again"
                notice = reason
                logger.notice("neighbour's realm matches now; pulling from the beginning")
                try await peers.restart(nodeID: nodeID, holder: settings.holder, epoch: epoch, reason: reason)
                (position, stored, caughtUp, profilesRefused) = (
                    .beginning, FeedPosition.beginning.description, false, false
                )
                prefetch?.task.cancel()
                prefetch = nil
                continue
            }
            guard let base = currentAddress else { throw NeighbourError.status(0) }
            let document: ChangesDocument
            /// Checked while the previous batch was merged, when it was fetched ahead.
            var checkedAhead: Checked?
            if let ahead = prefetch, ahead.matches(base: base, position: position, limit: limit), wait == .zero {
                (document, checkedAhead) = try await ahead.task.value
            } else {
                prefetch?.task.cancel()
                document = try await neighbour.changes(
                    at: base, since: position, limit: limit, wait: wait, epoch: position == .beginning ? nil : epoch)
            }
            prefetch = nil
            guard document.nodeId == nodeID else { throw NeighbourError.wrongNode(document.nodeId) }
            if let theirs = document.epoch, let ours = epoch, theirs != ours, position != .beginning {
                // The checkpoint belongs to another incarnation of the neighbour's feed: start
                // again (merging is idempotent and only winners write, so nothing is doubled).
                let reason =
                    "the neighbour's database was restored or replaced (new feed epoch): pulling everything again"
                notice = reason
                logger.notice("neighbour's feed has a new epoch; pulling from the beginning")
                try await peers.restart(nodeID: nodeID, holder: settings.holder, epoch: theirs, reason: reason)
                position = .beginning
                stored = FeedPosition.beginning.description
                epoch = theirs
                caughtUp = false
                continue
            }
            guard let next = FeedPosition(document.next), next >= position else { throw NeighbourError.badPosition }
            if document.more, next != position {
                prefetch = Prefetch(
                    base: base, position: next, limit: settings.batchSize, neighbour: neighbour,
                    check: { [self] in await check($0.records, unreadable: $0.unreadable) })
            }

            // A batch checked ahead is screened again: the blocklist or the neighbour's realm
            // may have changed since.
            let checked =
                if let checkedAhead { screen(checkedAhead) } else {
                    await check(document.records, unreadable: document.unreadable)
                }
            if checked.rejected[BatchScreen.realmReason, default: 0] > 0 { profilesRefused = true }
            let unknown = try await unknownOrigins(in: checked.accepted, allowance: remaining)
            if unknown.count > remaining {
                // Never more new origins than the allowance: ask again for fewer records (each
                // record has one origin), or pause once not even one more may come in; first
                // with the exact figure when the one used was a bound.
                if allowance.isExact { limit = remaining } else { allowance.invalidate() }
                continue
            }
            if !document.more { notice = nil }
            let status = PeerRepository.BatchStatus(
                state: document.more ? .syncing : .idle, epoch: document.epoch,
                reason: [realmRefusal, notice].compactMap { $0 }.joined(separator: "; ").nilIfEmpty,
                lag: document.more ? max(0, document.latestSequence - (document.records.last?.sequence ?? 0)) : 0,
                rejected: checked.rejected)
            let batch = MergeBatch(checked.accepted)
            let (merger, nodeID, holder, previous) = (merger, nodeID, settings.holder, stored)
            let outcome = try await database.withConnection { connection in
                try await merger.merge(
                    batch, from: nodeID, holder: holder, after: previous, checkpoint: next, status: status,
                    on: connection)
            }
            allowance.merged(origins: Set(checked.accepted.map(\.origin)).subtracting([ownID]))
            metrics.batchMerged(
                neighbour: nodeID, received: checked.accepted.count,
                changed: outcome.changed, rejected: checked.rejected, lag: status.lag)
            backoff.succeeded()
            limit = settings.batchSize
            let progressed = next != position
            position = next
            stored = next.description
            epoch = document.epoch ?? epoch
            caughtUp = !document.more
            if caughtUp { lastCaughtUp = .now }
            metrics.neighbourLag(
                neighbour: nodeID, seconds: caughtUp ? 0 : (ContinuousClock.now - lastCaughtUp).seconds)
            rounds += 1

            let hashes = batch.profiles.keys.compactMap(\.avatarSHA256)
            if !hashes.isEmpty || rounds % 20 == 1 {
                heads.start(hashes: hashes, sweep: rounds % 20 == 1, from: base, neighbourID: nodeID)
            }
            if !progressed {
                try await Task.sleep(until: roundStarted + settings.minimumRoundInterval)
            }
        }
    }

    /// One anti-entropy round: what the neighbour has and this node lacks is merged with the
    /// same checks as the feed's records. Failures are reported and retried next interval.
    @discardableResult
    func antiEntropyRound(base: String) async throws -> AntiEntropy.Report {
        let started = ContinuousClock.now
        do {
            let reconciler = AntiEntropy(neighbour: neighbour, digests: DigestRepository(database: database))
            var merged = 0
            let report = try await reconciler.reconcile(with: base, nodeID: nodeID) { wire in
                merged += try await mergeRepaired(wire)
            }
            metrics.antiEntropy(
                neighbour: nodeID, report: report, merged: merged, seconds: (ContinuousClock.now - started).seconds)
            let level: Logger.Level = merged > 0 ? .notice : .debug
            logger.log(
                level: level, "anti-entropy round",
                metadata: [
                    "messages": "\(report.messages)", "bytes": "\(report.bytes)", "ranges": "\(report.rangesFetched)",
                    "records": "\(report.recordsReceived)", "repaired": "\(merged)",
                    "seconds": "\((ContinuousClock.now - started).seconds)",
                ])
            return report
        }
    }

    /// The origins of `records` this node never stored, when they could exceed `allowance`; a batch
    /// with no more distinct origins than the allowance cannot, and costs no query.
    private func unknownOrigins(in records: [SyncRecord], allowance: Int) async throws -> Set<String> {
        let origins = Set(records.map(\.origin)).subtracting([ownID])
        guard origins.count > allowance else { return [] }
        return try await trust.unknownOrigins(Array(origins))
    }

    /// Checks and merges records found by anti-entropy (no checkpoint moves); returns how many
    /// changed this node. New origins beyond the hour's allowance are left for a later round.
    private func mergeRepaired(_ wire: [WireRecord]) async throws -> Int {
        var checked = await check(wire)
        let allowance = max(
            0, settings.maximumNewOriginsPerHour - (try await trust.originsIntroducedLastHour(by: nodeID)))
        let unknown = try await unknownOrigins(in: checked.accepted, allowance: allowance)
        if unknown.count > allowance {
            let admitted = Set(unknown.sorted().prefix(allowance))
            checked.accepted.removeAll { unknown.contains($0.origin) && !admitted.contains($0.origin) }
        }
        let batch = MergeBatch(checked.accepted)
        let (merger, nodeID, rejected) = (merger, nodeID, checked.rejected)
        let outcome = try await database.withConnection { connection in
            try await merger.mergeRecords(batch, from: nodeID, rejected: rejected, checkpoint: nil, on: connection)
        }
        let hashes = batch.profiles.keys.compactMap(\.avatarSHA256)
        if !hashes.isEmpty, let base = currentAddress {
            heads.start(hashes: hashes, sweep: false, from: base, neighbourID: nodeID)
        }
        return outcome.changed
    }

    /// A paused neighbour: its checkpoint stays at what was merged; nothing is lost.
    private func pauseForLimit() async throws {
        let reason =
            "paused: introduced \(settings.maximumNewOriginsPerHour) new origins within the last hour "
            + "(SYNC_MAX_NEW_ORIGINS_PER_HOUR); resumes by itself"
        try await peers.recordState(nodeID: nodeID, state: .limited, reason: reason)
        metrics.neighbourLimited(neighbour: nodeID)
        logger.warning("neighbour limited", metadata: ["why": "\(reason)"])
        try await Task.sleep(for: settings.limitedRetry)
    }

    /// Records that may be merged, and the count of the others by reason.
    typealias Checked = BatchScreen.Outcome

    /// The screen as it stands now: the blocklist and the neighbour's realm may change any time.
    private var currentScreen: BatchScreen {
        BatchScreen(rules: settings.rules, blocked: blocklist.blocked, refusesProfiles: realmRefusal != nil)
    }

    /// The records of an answer that may be merged, and the count of the others by reason.
    private func check(_ wireRecords: [WireRecord], unreadable: Int = 0) async -> Checked {
        let (outcome, refusals) = await currentScreen.check(wireRecords, unreadable: unreadable)
        for (record, why) in refusals.prefix(5) {
            logger.warning("rejected record", metadata: ["origin": "\(record.origin.prefix(12))", "why": "\(why)"])
        }
        return outcome
    }

    private func screen(_ checked: Checked) -> Checked { currentScreen.screen(checked) }
}

extension String {
    /// nil for the empty string.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

/// A changes request sent ahead, and checked once it arrives (while the current batch is
/// merged): used when the next round asks for exactly this (same address, position and size, no
/// long-poll), cancelled otherwise.
private struct Prefetch {
    let base: String
    let position: FeedPosition
    let limit: Int
    let task: Task<(ChangesDocument, PeerPuller.Checked), any Error>

    init(
        base: String, position: FeedPosition, limit: Int, neighbour: NeighbourClient,
        check: @escaping @Sendable (ChangesDocument) async -> PeerPuller.Checked
    ) {
        self.base = base
        self.position = position
        self.limit = limit
        self.task = Task {
            let document = try await neighbour.changes(at: base, since: position, limit: limit, wait: .zero)
            return (document, await check(document))
        }
    }

    func matches(base: String, position: FeedPosition, limit: Int) -> Bool {
        self.base == base && self.position == position && self.limit == limit
    }
}
