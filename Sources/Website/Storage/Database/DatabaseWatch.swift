import Logging
import NIOCore
import PostgresNIO
import ServiceLifecycle

/// Notices a database that stops answering before a visitor waits for it. One pooled connection,
/// held for good, asks `SELECT 1` every `interval`; a miss of `deadline` opens the breaker (pages
/// answer 503 at once, and queries already waiting give up), the first answer after that closes
/// it. The probes run on the connection's event loop (a repeated task with a scheduled deadline),
/// so an idle node pays for a round trip and two timers per probe, not for tasks and executor
/// hops. The deadline leaves a busy machine some room (a false alarm lasts only until the next
/// probe answers).
struct DatabaseWatch: Service {
    let database: Database
    /// `DATABASE_WATCH_SECONDS`.
    var deadline: Duration
    /// A miss is noticed within `interval` + `deadline` (0.75 s by default) of the database stopping.
    var interval: Duration = .milliseconds(150)

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await database.client.withConnection { connection in try await probe(on: connection) }
                } catch {
                    if Task.isCancelled { break }
                    database.trip(DatabaseUnavailable(reason: "it did not answer a probe within \(deadline): \(error)"))
                    try? await Task.sleep(for: interval)
                }
            }
        }
    }

    /// Probes on `connection` every `interval` until a probe fails or misses its deadline (thrown),
    /// or the caller is cancelled.
    private func probe(on connection: PostgresConnection) async throws {
        let (breaker, logger, deadline) = (database.breaker, database.logger, deadline)
        let eventLoop = connection.eventLoop
        let failed = eventLoop.makePromise(of: Void.self)
        let probes = eventLoop.scheduleRepeatedAsyncTask(initialDelay: .zero, delay: TimeAmount(interval)) { probes in
            let answer = eventLoop.makePromise(of: Void.self)
            let timer = eventLoop.scheduleTask(in: TimeAmount(deadline)) {
                answer.fail(DatabaseTimeout(timeout: deadline))
            }
            connection.query("SELECT 1", logger: logger).whenComplete { result in
                timer.cancel()
                answer.completeWith(result.map { _ in () })
            }
            return answer.futureResult.map { breaker.answered(logger: logger) }.flatMapErrorThrowing { error in
                probes.cancel()
                failed.fail(error)
                throw error
            }
        }
        try await withTaskCancellationHandler {
            try await failed.futureResult.get()
        } onCancel: {
            probes.cancel()
            failed.fail(CancellationError())
        }
    }
}
