import Synchronization

/// The names that node records give, kept in memory: every head page labels its per-node rows
/// with them, and reading them with a query per page view put a database round trip on the
/// busiest path. The whole set (one row per origin the federation admitted) is read again when
/// it is older than `maximumAge`, or older than `missingAge` when an origin is asked that it does
/// not name (a record merged just now); concurrent callers share one read (``SingleFlight``).
/// A renamed node shows its new name within `maximumAge`.
final class RecordedNames: Sendable {
    typealias Read = @Sendable () async throws -> [String: String]

    private struct Kept {
        var names: [String: String]
        /// When the read that produced `names` started.
        var readAt: ContinuousClock.Instant
    }

    private let kept = Mutex<Kept?>(nil)
    private let reading = SingleFlight<String, Kept>()
    private let read: Read
    private let maximumAge: Duration
    private let missingAge: Duration

    init(maximumAge: Duration = .seconds(2), missingAge: Duration = .milliseconds(250), read: @escaping Read) {
        self.read = read
        self.maximumAge = maximumAge
        self.missingAge = missingAge
    }

    /// The recorded names, fresh enough to label `origins`.
    func names(for origins: [String]) async throws -> [String: String] {
        let now = ContinuousClock.now
        if let kept = kept.withLock({ $0 }) {
            let age = now - kept.readAt
            if age < missingAge || (age < maximumAge && origins.allSatisfy({ kept.names[$0] != nil })) {
                return kept.names
            }
        }
        let fresh = try await reading.run("all") { [read] in
            let started = ContinuousClock.now
            return Kept(names: try await read(), readAt: started)
        }
        kept.withLock { kept in
            if kept.map({ $0.readAt < fresh.readAt }) ?? true { kept = fresh }
        }
        return fresh.names
    }
}
