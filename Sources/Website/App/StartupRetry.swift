import Logging
import PostgresNIO
import SyncProtocol
import _ConnectionPoolModule

/// Start-up work that needs the database, retried with backoff for as long as the database is
/// not there yet (not started, its name not resolvable yet, still recovering), so that a node
/// started before its database (podman-compose ignores `condition: service_healthy`) waits for it
/// instead of exiting. The server listens only once the work is done, so meanwhile it is not
/// ready. Any other error (a wrong password, a missing database) ends start-up at once.
enum StartupRetry {
    static func run(
        backoff: Backoff = Backoff(base: .milliseconds(500), cap: .seconds(10)),
        logger: Logger,
        isTransient: (any Error) -> Bool = StartupRetry.databaseIsNotThereYet,
        sleep: (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        diagnose: () async -> String? = { nil },
        _ work: () async throws -> Void
    ) async throws {
        var backoff = backoff
        var diagnosed: String?
        while true {
            do {
                return try await work()
            } catch  where isTransient(error) {
                // The pool only says it gave up; a refused login (a password that no longer
                // matches the database's) is named with its fix, once per distinct cause.
                if (error as? ConnectionPoolError) == .connectionCreationCircuitBreakerTripped,
                    let cause = await diagnose(), cause != diagnosed
                {
                    logger.error("the database refuses this node: \(cause)")
                    diagnosed = cause
                }
                // Never less than a tenth of a second: full jitter may draw nearly nothing.
                let wait = max(backoff.failed(), .milliseconds(100))
                logger.warning(
                    "database not reachable yet, retrying",
                    metadata: [
                        "attempt": "\(backoff.failures)", "retry_in_seconds": "\(wait.seconds)",
                        "error": "\(String(reflecting: error))",
                    ])
                try await sleep(wait)
            }
        }
    }

    /// A connection that could not be made or was closed by the server, a server that says it is
    /// starting up or shutting down (SQLSTATE 57P03), a database that stopped answering within the
    /// deadline (a paused or overloaded server: found by the nemesis, seed 1, where a node started
    /// during a pause exited instead of waiting), or the client's pool giving up after a minute
    /// without a connection (which is also what a wrong password looks like from here: the log
    /// line carries the error, and postgres-nio's own log the server's reason).
    static func databaseIsNotThereYet(_ error: any Error) -> Bool {
        if error is DatabaseUnavailable { return true }
        if let error = error as? ConnectionPoolError {
            return error == .connectionCreationCircuitBreakerTripped
        }
        guard let error = error as? PSQLError else { return false }
        switch error.code {
        case .connectionError, .serverClosedConnection:
            return true
        case .server:
            return error.serverInfo?[.sqlState] == "57P03"
        default:
            return false
        }
    }
}

/// The node was asked to stop (SIGTERM, SIGINT) before its start-up work was done: it ends without
/// having served. `cause` is what the interrupted work threw.
public struct StartupStopped: Error, CustomStringConvertible {
    public var cause: any Error
    public var description: String { "stopped before start-up was done (\(String(reflecting: cause)))" }
}
