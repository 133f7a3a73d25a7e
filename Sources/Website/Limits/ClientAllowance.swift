/// An allowance per client (a token bucket each): `burst` requests at once, then one more every
/// `refill`. Used for lookups that need the profile service, the one resource a visitor can use
/// up for everyone. At most `capacity` clients are tracked; a full table forgets the clients whose
/// buckets are full again (they lose nothing), then if that frees too little the fullest tenth, so
/// a flood of new clients costs one pass over the table per tenth of it, not one per request.
struct ClientAllowance: Sendable {
    let burst: Int
    let refill: Duration
    let capacity: Int
    private var buckets: [String: Bucket] = [:]

    private struct Bucket: Sendable {
        /// Tokens at `at`.
        var tokens: Double
        var at: ContinuousClock.Instant
    }

    enum Decision: Sendable, Equatable {
        case allowed
        /// Refused; a token is back after this long.
        case refused(retryAfter: Duration)
    }

    /// `perMinute` requests a minute, all of them at once if asked so.
    init(perMinute: Int, capacity: Int = 10_000) {
        self.init(burst: perMinute, refill: .seconds(60) / perMinute, capacity: capacity)
    }

    /// `burst` requests at once, then one every `refill`.
    init(burst: Int, refill: Duration, capacity: Int = 10_000) {
        precondition(burst > 0 && refill > .zero && capacity > 0)
        self.burst = burst
        self.refill = refill
        self.capacity = capacity
    }

    /// Takes one request from `client`'s allowance, or says when the next is allowed.
    mutating func take(_ client: String, now: ContinuousClock.Instant) -> Decision {
        var bucket = buckets[client].map { refilled($0, now: now) } ?? Bucket(tokens: Double(burst), at: now)
        guard bucket.tokens >= 1 else {
            let missing = 1 - bucket.tokens
            buckets[client] = bucket
            return .refused(retryAfter: refill * missing)
        }
        bucket.tokens -= 1
        if buckets[client] == nil, buckets.count >= capacity { makeRoom(now: now) }
        buckets[client] = bucket
        return .allowed
    }

    /// Gives back a request that did not reach the service after all (answered from stored data).
    mutating func giveBack(_ client: String, now: ContinuousClock.Instant) {
        guard var bucket = buckets[client].map({ refilled($0, now: now) }) else { return }
        bucket.tokens = min(Double(burst), bucket.tokens + 1)
        buckets[client] = bucket
    }

    private func refilled(_ bucket: Bucket, now: ContinuousClock.Instant) -> Bucket {
        let gained = (now - bucket.at) / refill
        return Bucket(tokens: min(Double(burst), bucket.tokens + max(0, gained)), at: now)
    }

    private mutating func makeRoom(now: ContinuousClock.Instant) {
        buckets = buckets.filter { refilled($0.value, now: now).tokens < Double(burst) }
        let keep = capacity - max(1, capacity / 10)
        guard buckets.count > keep else { return }
        let fullestFirst = buckets.map { ($0.key, refilled($0.value, now: now).tokens) }.sorted { $0.1 > $1.1 }
        for (client, _) in fullestFirst.prefix(buckets.count - keep) { buckets[client] = nil }
    }
}
