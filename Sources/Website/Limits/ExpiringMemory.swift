/// Keys remembered until a time each, at most `capacity` of them: "no such player" answers, heads
/// whose fetch failed, clients whose refusal was logged this minute. When full, the ended entries
/// are forgotten, and if that frees too little, the tenth of the entries that end first: a flood of
/// new keys costs memory only up to the bound, and one pass over the table per tenth of it.
struct ExpiringMemory<Key: Hashable & Sendable>: Sendable {
    let capacity: Int
    private var until: [Key: ContinuousClock.Instant] = [:]

    init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
    }

    var count: Int { until.count }

    /// When `key` is forgotten, if it is remembered at `now`.
    func remembered(_ key: Key, at now: ContinuousClock.Instant) -> ContinuousClock.Instant? {
        guard let end = until[key], end > now else { return nil }
        return end
    }

    /// Remembers `key` until `end` (a later end replaces an earlier one, never the reverse).
    mutating func remember(_ key: Key, until end: ContinuousClock.Instant, now: ContinuousClock.Instant) {
        if let current = until[key], current >= end { return }
        if until[key] == nil, until.count >= capacity {
            until = until.filter { $0.value > now }
            let keep = capacity - max(1, capacity / 10)
            if until.count > keep {
                for (ending, _) in until.sorted(by: { $0.value < $1.value }).prefix(until.count - keep) {
                    until[ending] = nil
                }
            }
        }
        until[key] = end
    }

    mutating func forget(_ key: Key) { until[key] = nil }
}
