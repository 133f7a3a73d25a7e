/// Exponential backoff with full jitter: after n consecutive failures, wait a random time up to
/// min(cap, base × 2ⁿ), so that nodes retrying a failed neighbour do not retry in step.
public struct Backoff: Sendable, Equatable {
    public var base: Duration
    public var cap: Duration
    public private(set) var failures = 0

    public init(base: Duration = .milliseconds(200), cap: Duration = .seconds(30)) {
        self.base = base
        self.cap = cap
    }

    /// Records a failure and returns how long to wait before the next try.
    public mutating func failed(random: Double = Double.random(in: 0...1)) -> Duration {
        failures += 1
        let ceiling = min(cap, base * (1 << min(failures - 1, 20)))
        return ceiling * max(0, min(random, 1))
    }

    public mutating func succeeded() { failures = 0 }
}
