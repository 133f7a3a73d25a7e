import Logging
import PostgresNIO
import ServiceLifecycle
import Synchronization

/// Fails fast while the database does not answer. Once a query has missed its deadline (or no
/// connection could be had), the breaker opens: requests get ``DatabaseUnavailable`` at once
/// (a 503 with `Retry-After`) instead of each waiting the whole deadline, and `/readyz` says not
/// ready. Meanwhile the breaker's service (its `run`, in the application's services) probes
/// (`SELECT 1` under the same deadline) at once and then every `probeInterval` after a failed
/// probe; the first that answers closes the breaker. ``DatabaseWatch`` may close it first.
final class DatabaseBreaker: Service, Sendable {
    private struct State {
        var open = false
        var reason = ""
        var probe: (@Sendable () async throws -> Void)?
    }

    private let state = Mutex(State())
    private let tripped: AsyncStream<Void>
    private let trips: AsyncStream<Void>.Continuation
    let probeInterval: Duration
    private let logger: Logger

    init(probeInterval: Duration = .milliseconds(500), logger: Logger = Logger(label: "website")) {
        self.probeInterval = probeInterval
        self.logger = logger
        (tripped, trips) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
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

    /// Opens the breaker after a failure; the service probes with `probe` until it answers.
    func trip(reason: String, probe: @escaping @Sendable () async throws -> Void, logger: Logger) {
        let opened = state.withLock { state in
            defer {
                state.open = true
                state.reason = reason
                state.probe = probe
            }
            return !state.open
        }
        if opened {
            logger.warning("database breaker open", metadata: ["why": "\(reason)"])
            trips.yield()
        }
    }

    /// Probes while the breaker is open, until the application shuts down.
    func run() async throws {
        await cancelWhenGracefulShutdown { [self] in
            for await _ in tripped {
                // The first probe goes at once: a query that missed its deadline because it was
                // slow (a busy database that still answers) keeps the breaker open only for a
                // round trip.
                while !Task.isCancelled {
                    let (open, probe) = state.withLock { ($0.open, $0.probe) }
                    guard open, let probe else { break }
                    if (try? await probe()) != nil {
                        answered(logger: logger)
                        break
                    }
                    try? await Task.sleep(for: probeInterval)
                }
            }
        }
    }
}
