import Logging
import PostgresNIO
import Synchronization

/// The node's database as the request path uses it: every query, with the decoding of its rows,
/// runs under a deadline, so that a database that stops answering (paused, partitioned) turns
/// into a quick 503 instead of requests that hang while the connection pool waits.
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

    /// Runs `work` under the deadline behind the breaker: refused at once while it is open, and
    /// opening it when the database misses the deadline or cannot be reached.
    private func guarded<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        try breaker.check()
        do {
            return try await Self.withDeadline(timeout, giveUpWhenOpen: breaker, work)
        } catch let error as DatabaseTimeout {
            if tripsOnTimeout { tripBreaker(error) }
            throw error
        } catch let error as DatabaseUnavailable {
            tripBreaker(error)
            throw error
        } catch let error as PSQLError where error.code == .connectionError || error.code == .serverClosedConnection {
            tripBreaker(error)
            throw error
        }
    }

    /// Opens the breaker for `error` (``DatabaseWatch`` calls it when a probe goes unanswered).
    func trip(_ error: any Error) { tripBreaker(error) }

    private func tripBreaker(_ error: any Error) {
        breaker.trip(
            reason: "\(error)",
            probe: { [client, timeout, logger] in
                try await Self.withDeadline(timeout) { () async throws -> Void in
                    try await client.withConnection { connection in
                        _ = try await connection.query("SELECT 1", logger: logger).collect()
                    }
                }
            }, logger: logger)
    }

    /// How many of the pool's connections the node's queries hold, and how many wait for one.
    final class PoolUsage: Sendable {
        /// The pool's size (`DATABASE_POOL_SIZE`), for the metrics.
        let size: Int
        private let counts = Mutex((inUse: 0, waiting: 0, leases: 0))

        init(size: Int = 0) {
            self.size = size
        }

        var inUse: Int { counts.withLock { $0.inUse } }
        var waiting: Int { counts.withLock { $0.waiting } }
        /// Connections taken since start: one per statement, one per transaction (a request's
        /// database round trips, counted from outside).
        var leases: Int { counts.withLock { $0.leases } }

        /// Runs `work` on a pooled connection, counting the wait for it and its use. Errors of
        /// `work` pass through; failing to get a connection (the pool's own errors are not public
        /// types) is ``DatabaseUnavailable``.
        func lease<T: Sendable>(
            _ client: PostgresClient, _ work: (PostgresConnection) async throws -> T
        ) async throws -> T {
            counts.withLock { $0.waiting += 1 }
            let acquired = Mutex(false)
            defer {
                let held = acquired.withLock { $0 }
                counts.withLock { counts in
                    if held { counts.inUse -= 1 } else { counts.waiting -= 1 }
                }
            }
            do {
                return try await client.withConnection { connection in
                    counts.withLock { counts in
                        counts.waiting -= 1
                        counts.inUse += 1
                        counts.leases += 1
                    }
                    acquired.withLock { $0 = true }
                    return try await work(connection)
                }
            } catch let error where !acquired.withLock({ $0 }) && !(error is PSQLError) && !(error is CancellationError)
            {
                throw DatabaseUnavailable(reason: "\(error)")
            }
        }
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
    /// there) and decodes every row, within the deadline.
    func execute<Statement: PostgresPreparedStatement>(_ statement: Statement) async throws -> [Statement.Row]
    where Statement.Row: Sendable {
        try await guarded { [self, logger] in
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

    /// Runs `work`, or throws ``DatabaseTimeout`` once `timeout` has passed, or
    /// ``DatabaseUnavailable`` as soon as `breaker` opens meanwhile (``DatabaseWatch`` found the
    /// database gone: waiting longer would only make the visitor wait), or `CancellationError` as
    /// soon as the caller is cancelled. Whichever comes first answers; on a deadline, an open
    /// breaker or cancellation the work is cancelled and left to finish on its own: a stuck query
    /// must not hold the caller.
    static func withDeadline<T: Sendable>(
        _ timeout: Duration, giveUpWhenOpen breaker: DatabaseBreaker? = nil,
        _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let outcome = Outcome<T>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                outcome.waiting(continuation)
                let timer = Task {
                    let end = ContinuousClock.now + timeout
                    // Most queries answer within the first step, and the timer never wakes.
                    while ContinuousClock.now < end {
                        try await Task.sleep(for: min(.milliseconds(50), end - ContinuousClock.now))
                        if let breaker, breaker.isOpen {
                            outcome.giveUp(DatabaseUnavailable(reason: "the database stopped answering"))
                            return
                        }
                    }
                    outcome.giveUp(DatabaseTimeout(timeout: timeout))
                }
                let worker = Task {
                    let result: Result<T, any Error>
                    do { result = .success(try await work()) } catch { result = .failure(error) }
                    timer.cancel()
                    outcome.finish(result)
                }
                outcome.onGivingUp {
                    worker.cancel()
                    timer.cancel()
                }
            }
        } onCancel: {
            outcome.giveUp(CancellationError())
        }
    }

    /// Answers the caller once, with whichever of the work, the timer and cancellation comes
    /// first, in whatever order they arrive (cancellation may come before the caller waits).
    private final class Outcome<T: Sendable>: Sendable {
        private struct State {
            var continuation: CheckedContinuation<T, any Error>?
            /// The first to finish, until the caller has it.
            var result: Result<T, any Error>?
            var answered = false
            var stopWork: (@Sendable () -> Void)?
            var gaveUp = false
        }
        private let state = Mutex(State())

        func waiting(_ continuation: CheckedContinuation<T, any Error>) {
            let ready = state.withLock { state -> Result<T, any Error>? in
                guard let result = state.result else {
                    state.continuation = continuation
                    return nil
                }
                state.answered = true
                return result
            }
            if let ready { continuation.resume(with: ready) }
        }

        /// `stop` cancels the work and the timer; run at once if the caller was already answered
        /// by the timer or cancellation.
        func onGivingUp(_ stop: @escaping @Sendable () -> Void) {
            let already = state.withLock { state in
                state.stopWork = stop
                return state.gaveUp
            }
            if already { stop() }
        }

        /// The work's own result.
        func finish(_ result: Result<T, any Error>) { answer(result, givingUp: false) }

        /// The deadline passed, the breaker opened or the caller was cancelled.
        func giveUp(_ error: any Error) { answer(.failure(error), givingUp: true) }

        private func answer(_ result: Result<T, any Error>, givingUp: Bool) {
            let (continuation, stop) = state.withLock {
                state -> (CheckedContinuation<T, any Error>?, (@Sendable () -> Void)?) in
                guard state.result == nil, !state.answered else { return (nil, nil) }
                state.result = result
                state.gaveUp = givingUp
                let continuation = state.continuation
                if continuation != nil {
                    state.continuation = nil
                    state.answered = true
                }
                return (continuation, givingUp ? state.stopWork : nil)
            }
            continuation?.resume(with: result)
            stop?()
        }
    }
}

/// The database did not answer in time.
struct DatabaseTimeout: Error, CustomStringConvertible {
    var timeout: Duration
    var description: String { "the database did not answer within \(timeout)" }
}

/// No connection to the database could be had.
struct DatabaseUnavailable: Error, CustomStringConvertible {
    var reason: String
    var description: String { "the database is unavailable: \(reason)" }
}
