import Logging
import PostgresNIO
import Synchronization

/// Fails fast while the database does not answer. Once a query has missed its deadline (or no
/// connection could be had), the breaker opens: requests get ``DatabaseUnavailable`` at once
/// (a 503 with `Retry-After`) instead of each waiting the whole deadline, and `/readyz` says not
/// ready. Meanwhile one probe (`SELECT 1` under the same deadline) runs at once and then every
/// `probeInterval` after a failed one; the first that answers closes the breaker.
final class DatabaseBreaker: Sendable {
    private struct State {
        var open = false
        var reason = ""
        var probing = false
    }

    private let state = Mutex(State())
    let probeInterval: Duration

    init(probeInterval: Duration = .milliseconds(500)) {
        self.probeInterval = probeInterval
    }

    var isOpen: Bool { state.withLock { $0.open } }

    /// Throws at once while the breaker is open.
    func check() throws {
        let (open, reason) = state.withLock { ($0.open, $0.reason) }
        if open { throw DatabaseUnavailable(reason: "\(reason); waiting for it to answer again") }
    }

    /// Closes the breaker when it is open: the database answered (``DatabaseWatch``).
    func answered(logger: Logger) {
        let closed = state.withLock { state in
            defer { state.open = false }
            return state.open
        }
        if closed { logger.notice("database breaker closed: the database answers again") }
    }

    /// Opens the breaker after a failure, and starts probing unless a probe runs already.
    func trip(reason: String, probe: @escaping @Sendable () async throws -> Void, logger: Logger) {
        let startProbe = state.withLock { state in
            if !state.open { logger.warning("database breaker open", metadata: ["why": "\(reason)"]) }
            state.open = true
            state.reason = reason
            defer { state.probing = true }
            return !state.probing
        }
        guard startProbe else { return }
        Task {
            // The first probe goes at once: a query that missed its deadline because it was slow
            // (a busy database that still answers) keeps the breaker open only for a round trip.
            while (try? await probe()) == nil {
                try? await Task.sleep(for: probeInterval)
            }
            state.withLock { state in
                state.open = false
                state.probing = false
            }
            logger.notice("database breaker closed: the database answers again")
        }
    }
}
