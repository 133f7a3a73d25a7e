import Logging
import PostgresNIO
import ServiceLifecycle

/// Notices a database that stops answering before a visitor waits for it. One pooled connection,
/// held for good, asks `SELECT 1` every `interval`; a miss of `deadline` opens the breaker (pages
/// answer 503 at once, and queries already waiting give up), the first answer after that closes
/// it. Costs about six one-row queries a second on a connection that is otherwise idle; the deadline
/// leaves a busy machine some room (a false alarm lasts only until the next probe answers).
struct DatabaseWatch: Service {
    let database: Database
    /// `DATABASE_WATCH_SECONDS`.
    var deadline: Duration
    /// A miss is noticed within `interval` + `deadline` (0.75 s by default) of the database stopping.
    var interval: Duration = .milliseconds(150)

    func run() async throws {
        let logger = database.logger
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await database.client.withConnection { connection in
                        while !Task.isCancelled {
                            try await Database.withDeadline(deadline) {
                                _ = try await connection.query("SELECT 1", logger: logger).collect()
                            }
                            database.breaker.answered(logger: logger)
                            try await Task.sleep(for: interval)
                        }
                    }
                } catch {
                    if Task.isCancelled { break }
                    database.trip(DatabaseUnavailable(reason: "it did not answer a probe within \(deadline): \(error)"))
                    try? await Task.sleep(for: interval)
                }
            }
        }
    }
}
