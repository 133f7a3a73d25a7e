import PostgresNIO

/// The breaker in front of every query: refused at once while it is open, opened when the
/// database misses a deadline or cannot be reached (``DatabaseBreaker``, ``DatabaseWatch``).
extension Database {
    /// Runs `work` under the deadline behind the breaker: refused at once while it is open, and
    /// opening it when the database misses the deadline or cannot be reached.
    func guarded<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
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
            // The breaker's own error says "the database is unavailable" once, not twice.
            reason: (error as? DatabaseUnavailable)?.reason ?? "\(error)",
            probe: { [client, timeout, logger] in
                try await Self.withDeadline(timeout) { () async throws -> Void in
                    try await client.withConnection { connection in
                        _ = try await connection.query("SELECT 1", logger: logger).collect()
                    }
                }
            }, logger: logger)
    }
}
