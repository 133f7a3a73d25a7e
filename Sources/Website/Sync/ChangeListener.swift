import Logging
import PostgresNIO
import ServiceLifecycle

/// Listens on `heads_changes` with one database connection and fires the ``ChangeSignal``;
/// reconnects after a failure, and stops on graceful shutdown.
struct ChangeListener: Service {
    static let channel = "heads_changes"

    let client: PostgresClient
    let signal: ChangeSignal
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await client.withConnection { connection in
                        try await connection.listen(on: Self.channel) { notifications in
                            // Anything that changed while we were not listening is picked up by a re-query.
                            signal.fire()
                            for try await _ in notifications { signal.fire() }
                        }
                    }
                } catch {
                    if Task.isCancelled { break }
                    logger.warning("change listener failed, reconnecting", metadata: ["error": "\(error)"])
                    try? await Task.sleep(for: .seconds(1))
                }
            }
        }
    }
}
