import Synchronization

/// The names that node records give, kept in memory: every head page labels its per-node rows
/// with them, and reading them with a query per page view put a database round trip on the
/// busiest path. The whole set (one row per origin the federation admitted) is read again when
/// it is older than `maximumAge`, or older than `missingAge` when an origin is asked that it does
/// not name (a record merged just now); concurrent callers share one read. A renamed node shows
/// its new name within `maximumAge`.
final class RecordedNames: Sendable {
    typealias Read = @Sendable () async throws -> [String: String]

    private struct Kept {
        var names: [String: String]
        /// When the read that produced `names` started.
        var readAt: ContinuousClock.Instant
    }

    private struct State {
        var kept: Kept?
        var reading: Task<Kept, any Error>?
    }

    private let state = Mutex(State())
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
        let reading = state.withLock { state -> Task<Kept, any Error>? in
            if let kept = state.kept {
                let age = now - kept.readAt
                let namesAll = origins.allSatisfy { kept.names[$0] != nil }
                if age < missingAge || (age < maximumAge && namesAll) { return nil }
            }
            if let reading = state.reading { return reading }
            let reading = Task { [read] in
                let started = ContinuousClock.now
                return Kept(names: try await read(), readAt: started)
            }
            state.reading = reading
            return reading
        }
        guard let reading else { return state.withLock { $0.kept?.names ?? [:] } }
        do {
            let kept = try await reading.value
            state.withLock { state in
                if state.reading == reading { state.reading = nil }
                if state.kept.map({ $0.readAt < kept.readAt }) ?? true { state.kept = kept }
            }
            return kept.names
        } catch {
            state.withLock { state in
                if state.reading == reading { state.reading = nil }
            }
            throw error
        }
    }
}
