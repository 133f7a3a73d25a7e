import SyncProtocol

/// The pull loop's decisions for one neighbour, without I/O: ``NeighbourPuller`` asks it what to
/// do next, does it, and tells it what came of it. It holds where the pull stands (``PullCursor``),
/// the new-origins allowance, the size of the next request and the count of merged batches.
struct PullPlan {
    /// What to do before asking the neighbour for its next batch.
    enum Step: Equatable {
        /// Read how many origins the neighbour introduced within the hour, then ask again.
        case countOrigins
        /// The new-origins limit is reached: record the pause, wait, then ask again.
        case pauseForLimit
        /// Ask for at most `limit` records after the cursor's position, long-polling when
        /// `longPoll` (the last answer had nothing more).
        case request(limit: Int, longPoll: Bool)
    }

    /// What an answer of the neighbour's feed means.
    enum Verdict: Equatable {
        /// Another node answered at the neighbour's address.
        case wrongNode(String)
        /// The neighbour's feed has a new epoch (its database was restored or replaced): pull
        /// everything again from the beginning of `epoch`.
        case restart(epoch: String?)
        /// The answer's next position is unreadable or behind the cursor.
        case badPosition
        /// Check and merge it, up to `next`; ask for the batch after it ahead of time from
        /// `prefetchFrom` when there is one.
        case merge(next: FeedPosition, prefetchFrom: FeedPosition?)
    }

    /// Whether a checked batch may be merged, given how many of its origins are unknown here.
    enum Admission: Equatable {
        case merge
        /// It would bring in more new origins than allowed: ask again (for fewer records, or
        /// after counting the origins again when the allowance was only a bound).
        case askAgain
    }

    /// What to do once a batch is merged.
    struct AfterMerge: Equatable {
        /// Fetch the heads the batch names; `sweep` also looks for every head still missing.
        var fetchHeads: Bool
        var sweep: Bool
        /// The batch moved the cursor; a round without progress lasts at least
        /// ``NeighbourPuller/Settings/minimumRoundInterval``.
        var progressed: Bool
    }

    /// Every how many merged batches the head fetcher also sweeps for missing heads (the first
    /// batch of a lease always does).
    static let sweepEvery = 20

    private(set) var cursor: PullCursor
    private(set) var allowance: OriginAllowance
    /// The most records asked for next: the batch size, or fewer to stay within the allowance.
    private(set) var limit: Int
    private(set) var mergedBatches = 0
    let batchSize: Int

    init(_ checkpoint: NeighbourRepository.Checkpoint, batchSize: Int, allowance: OriginAllowance) {
        cursor = PullCursor(checkpoint)
        self.allowance = allowance
        self.batchSize = batchSize
        limit = batchSize
    }

    /// The next request's long poll: only once the neighbour had nothing more.
    var longPolls: Bool { cursor.caughtUp }

    func next(at now: ContinuousClock.Instant) -> Step {
        if allowance.needsCount(at: now) || (allowance.remaining <= 0 && !allowance.isExact) {
            return .countOrigins
        }
        guard allowance.remaining > 0 else { return .pauseForLimit }
        return .request(limit: limit, longPoll: cursor.caughtUp)
    }

    mutating func counted(origins introducedLastHour: Int, at now: ContinuousClock.Instant) {
        allowance.counted(introducedLastHour, at: now)
    }

    /// The origins known here changed behind the allowance's back (a repair round merged, or the
    /// pull paused): count them again before the next request.
    mutating func originsMayHaveChanged() { allowance.invalidate() }

    /// Whether to pull everything again because the neighbour's realm matches now, after profiles
    /// were refused for it since the last pull from the beginning.
    func wantsRealmRestart(realmRefused: Bool) -> Bool {
        cursor.profilesRefused && !realmRefused && cursor.position != .beginning
    }

    mutating func restart(epoch: String?, notice: String) {
        cursor.restart(epoch: epoch, notice: notice)
    }

    func verdict(on answer: ChangesDocument, from nodeID: String) -> Verdict {
        guard answer.nodeId == nodeID else { return .wrongNode(answer.nodeId) }
        if cursor.isOfAnotherEpoch(answer.epoch) { return .restart(epoch: answer.epoch) }
        guard let next = FeedPosition(answer.next), next >= cursor.position else { return .badPosition }
        return .merge(next: next, prefetchFrom: answer.more && next != cursor.position ? next : nil)
    }

    /// Records that profiles were refused for the neighbour's realm (see ``wantsRealmRestart``).
    mutating func profilesRefused() { cursor.profilesRefused = true }

    /// Never more new origins than the allowance: a batch bringing more is asked for again with
    /// fewer records (each record has one origin) when the allowance is exact, or after counting
    /// again when it was only a bound; once not even one more may come in, ``next(at:)`` pauses.
    mutating func admit(unknownOrigins: Int) -> Admission {
        let remaining = allowance.remaining
        guard unknownOrigins > remaining else { return .merge }
        if allowance.isExact { limit = remaining } else { allowance.invalidate() }
        return .askAgain
    }

    /// A batch ending at `next` was merged; `origins` are its records' origins and `names` whether
    /// it named any heads.
    mutating func merged(
        to next: FeedPosition, epoch: String?, more: Bool, origins: some Sequence<String>, namesHeads: Bool
    ) -> AfterMerge {
        allowance.merged(origins: origins)
        limit = batchSize
        let progressed = next != cursor.position
        cursor.advance(to: next, epoch: epoch, more: more)
        mergedBatches += 1
        let sweep = mergedBatches % Self.sweepEvery == 1
        return AfterMerge(fetchHeads: namesHeads || sweep, sweep: sweep, progressed: progressed)
    }

    /// Clears the notice shown until the neighbour is caught up again.
    mutating func caughtUpNoticeCleared() { cursor.notice = nil }
}
