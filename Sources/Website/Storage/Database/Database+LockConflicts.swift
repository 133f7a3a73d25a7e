import Logging
import PostgresNIO

/// Statements PostgreSQL aborted over a lock conflict, run again.
extension Database {
    /// SQLSTATEs of a statement or transaction that PostgreSQL aborted, having changed nothing,
    /// because it conflicted with a concurrent one: `40P01` (deadlock: two statements each waiting
    /// for a row the other locked, as a lookup's counters and a neighbour's merge can, each
    /// updating per-name totals of several names) and `40001` (serialization failure).
    static let lockConflictStates: Set<String> = ["40P01", "40001"]
    /// Attempts of one statement or transaction before its lock conflict reaches the caller.
    static let lockConflictAttempts = 4

    /// Runs `work` again, after a short random pause, while PostgreSQL aborts it over a lock
    /// conflict (the caller's deadline still bounds the whole).
    static func retryingLockConflicts<T>(logger: Logger, _ work: () async throws -> T) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await work()
            } catch let error as PSQLError
                where attempt < lockConflictAttempts
                && lockConflictStates.contains(error.serverInfo?[.sqlState] ?? "")
            {
                logger.notice(
                    "a statement was aborted over a lock conflict; running it again",
                    metadata: ["sqlstate": "\(error.serverInfo?[.sqlState] ?? "")", "attempt": "\(attempt)"])
                try await Task.sleep(for: .milliseconds(Int.random(in: 1...10) * attempt))
                attempt += 1
            }
        }
    }
}
