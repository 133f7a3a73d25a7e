/// Spaces the answers of woken long-polls so that one change's fan-out stays within a rate: a
/// value without I/O, held by ``SharedFeedReads``.
///
/// Every change wakes every held long-poll, and each woken one writes an HTTP answer; with many
/// waiters and frequent changes those answers alone take the node's cores. Waiters woken by one
/// notification form a round and answer together; rounds are at least `waiters ÷
/// answersPerSecond` apart, and the changes written meanwhile go into the next round's answers
/// instead of answers of their own. With the few long-polls a federation holds (one per
/// neighbour) the spacing is a few milliseconds and a lone change is answered at once.
struct LongPollPacing: Sendable, Equatable {
    let answersPerSecond: Int
    private var lastGeneration: Int?
    private var lastRound: ContinuousClock.Instant?

    init(answersPerSecond: Int) {
        self.answersPerSecond = max(1, answersPerSecond)
    }

    /// When a waiter woken at `now` by notification `generation` answers, with `waiters` held
    /// long-polls: waiters of the same generation share one round.
    mutating func round(
        generation: Int, waiters: Int, now: ContinuousClock.Instant
    ) -> ContinuousClock.Instant {
        if generation == lastGeneration, let lastRound { return lastRound }
        var round = now
        if let lastRound {
            let spacing = Duration.nanoseconds(max(1, waiters) * 1_000_000_000 / answersPerSecond)
            round = max(now, lastRound + spacing)
        }
        lastGeneration = generation
        lastRound = round
        return round
    }
}
