import PostgresNIO
import Synchronization

extension Database {
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
}
