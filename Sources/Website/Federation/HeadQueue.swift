/// What a ``NeighbourHeadFetcher`` has been asked for and when it asks again for a head its neighbour could
/// not give: the rules alone, without tasks or I/O.
struct HeadQueue: Sendable {
    /// Hashes waiting at most; more are left to a later sweep.
    let pendingLimit: Int
    /// Pauses before asking again for a head the neighbour could not give; after the last one it
    /// is left to a later sweep.
    let retryPauses: [Duration]
    /// Asked for and not yet taken by a round.
    private(set) var hashes: Set<String> = []
    /// Whether the next round also looks for other heads that stored profiles name.
    private(set) var sweep = false
    /// How often each head asked for again has failed so far.
    private var failures: [String: Int] = [:]

    init(pendingLimit: Int, retryPauses: [Duration]) {
        (self.pendingLimit, self.retryPauses) = (pendingLimit, retryPauses)
    }

    var isEmpty: Bool { hashes.isEmpty && !sweep }

    /// Queues `hashes` up to ``pendingLimit``; a hash beyond it is forgotten (failures included).
    mutating func ask(for newHashes: [String], sweep: Bool) {
        for sha256 in newHashes where !hashes.contains(sha256) {
            guard hashes.count < pendingLimit else {
                failures[sha256] = nil
                continue
            }
            hashes.insert(sha256)
        }
        self.sweep = self.sweep || sweep
    }

    /// Takes what is asked for, for one round of fetching; nil when nothing is.
    mutating func takeRound() -> (hashes: [String], sweep: Bool)? {
        guard !isEmpty else { return nil }
        defer { (hashes, sweep) = ([], false) }
        return (Array(hashes), sweep)
    }

    /// After a round: forgets the failures of `done`, and returns the heads of `failed` to ask for
    /// again, grouped by the pause before it (a head past its last pause is left out).
    mutating func roundEnded(failed: [String], done: Set<String>) -> [(pause: Duration, hashes: [String])] {
        for sha256 in done { failures[sha256] = nil }
        var byAttempt: [Int: [String]] = [:]
        for sha256 in failed {
            let attempt = failures[sha256, default: 0]
            guard attempt < retryPauses.count else {
                failures[sha256] = nil
                continue
            }
            failures[sha256] = attempt + 1
            byAttempt[attempt, default: []].append(sha256)
        }
        return byAttempt.sorted { $0.key < $1.key }.map { (retryPauses[$0.key], $0.value) }
    }

    /// Forgets everything (the fetcher stopped).
    mutating func clear() {
        (hashes, sweep, failures) = ([], false, [:])
    }
}
