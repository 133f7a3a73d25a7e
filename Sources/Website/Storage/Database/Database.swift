import Logging
import PostgresNIO
import Synchronization

/// The node's database as the request path uses it: every query, with the decoding of its rows,
/// runs under a deadline, so that a database that stops answering (paused, partitioned) turns
/// into a quick 503 instead of requests that hang while the connection pool waits.
///
/// The entry points are here; each of their parts has a file of its own in this folder: the
/// breaker in front (`Database+BreakerGate`), the deadline (`Database+Deadline`), the pool's
/// accounting (`Database+PoolUsage`) and the retries of lock conflicts (`Database+LockConflicts`).
struct Database: Sendable {
    let client: PostgresClient
    private(set) var timeout: Duration
    let logger: Logger
    /// Connections this process's queries hold and wait for (shared by copies of this value).
    var usage = PoolUsage()
    /// Open while the database does not answer (shared by copies of this value).
    var breaker = DatabaseBreaker()
    /// The `statement_timeout` the client's sessions start with (the request deadline, so that
    /// PostgreSQL itself cancels a query the caller gave up on and frees its connection); nil
    /// when they have none. Work with a longer deadline raises it for its own statements.
    var sessionStatementTimeout: Duration? = nil
    /// Whether a missed deadline opens the breaker. Off when ``DatabaseWatch`` judges the
    /// database's health: one slow query (an anonymous visitor's, say) must not close the site.
    var tripsOnTimeout = true

    /// The same database with another deadline (background work that may take longer).
    func with(timeout: Duration) -> Database {
        var copy = self
        copy.timeout = timeout
        return copy
    }

    /// `statement_timeout` for this value's work when it must be longer than the sessions' own.
    private var raisedStatementTimeout: String? {
        guard let session = sessionStatementTimeout, timeout > session else { return nil }
        return String(timeout.wholeNanoseconds / 1_000_000)
    }

    /// Runs `work` on a pooled connection whose statements may run as long as this value's
    /// deadline: when that is longer than the sessions' `statement_timeout`, it is raised for the
    /// work and set back afterwards (a failed reset closes nothing: that connection's statements
    /// are then bounded by the longer time until it is raised or reset again).
    private func leased<T: Sendable>(_ work: (PostgresConnection) async throws -> T) async throws -> T {
        try await usage.lease(client) { [logger, raisedStatementTimeout] connection in
            guard let raisedStatementTimeout else { return try await work(connection) }
            try await connection.query(
                "SELECT set_config('statement_timeout', \(raisedStatementTimeout), false)", logger: logger)
            do {
                let result = try await work(connection)
                _ = try? await connection.query("RESET statement_timeout", logger: logger)
                return result
            } catch {
                _ = try? await connection.query("RESET statement_timeout", logger: logger)
                throw error
            }
        }
    }

    /// Runs `query` and hands its rows to `decode`, all within the deadline.
    func query<Result: Sendable>(
        _ query: PostgresQuery, _ decode: @escaping @Sendable (PostgresRowSequence) async throws -> Result
    ) async throws -> Result {
        try await guarded { [self, logger] in
            try await leased { connection in
                try await Self.retryingLockConflicts(logger: logger) {
                    try await decode(try await connection.query(query, logger: logger))
                }
            }
        }
    }

    /// Runs a prepared statement (prepared on each pooled connection the first time it runs
    /// there) and decodes every row, within the deadline; run again on a lock conflict (one
    /// statement that failed changed nothing). `logger`: the caller's, when it names more (a
    /// puller's names its neighbour).
    func execute<Statement: PostgresPreparedStatement>(
        _ statement: Statement, logger: Logger? = nil
    ) async throws -> [Statement.Row]
    where Statement.Row: Sendable {
        let logger = logger ?? self.logger
        return try await guarded { [self, logger] in
            try await leased { connection in
                try await Self.retryingLockConflicts(logger: logger) {
                    try await connection.executeCollecting(statement, logger: logger)
                }
            }
        }
    }

    /// The first column of every row.
    func values<T: PostgresDecodable & Sendable>(_ query: PostgresQuery, as type: T.Type) async throws -> [T] {
        try await self.query(query) { rows in
            var values: [T] = []
            for try await value in rows.decode(T.self) { values.append(value) }
            return values
        }
    }

    /// Runs a statement whose rows do not matter.
    func execute(_ query: PostgresQuery) async throws {
        try await self.query(query) { rows in for try await _ in rows {} }
    }

    /// Runs `work` on one pooled connection without a transaction (one statement is atomic by
    /// itself), within the deadline. Not run again on a lock conflict: statements before the
    /// failed one may have committed.
    func withConnection<T: Sendable>(
        _ work: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await guarded { [self] in try await leased { try await work($0) } }
    }

    /// Runs `work` in a transaction on one pooled connection, all within the deadline; from the
    /// start again when PostgreSQL aborted the transaction over a lock conflict.
    func transaction<T: Sendable>(
        _ work: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await guarded { [self, logger] in
            try await leased { connection in
                try await Self.retryingLockConflicts(logger: logger) {
                    try await connection.withTransaction(logger: logger) { connection in try await work(connection) }
                }
            }
        }
    }
}

/// No connection to the database could be had.
struct DatabaseUnavailable: Error, CustomStringConvertible {
    var reason: String
    var description: String { "the database is unavailable: \(reason)" }
}
