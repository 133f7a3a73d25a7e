import Logging
import ServiceLifecycle
import Synchronization
import Testing

@testable import Website

@Suite struct StartupStopTests {
    /// A node asked to stop while its start-up still waits for the database (`docker stop` of a
    /// node whose database is not up) ends, with ``StartupStopped``. Its start-up retries for as
    /// long as the database is away, and the services waiting for the node's identity would
    /// wait for ever; before they ended on a stop, the node stayed up until it was killed.
    @Test func aNodeStoppedWhileItsDatabaseIsAwayEnds() async throws {
        let port = try freePort(on: ["127.0.0.1"])
        let configuration = try testConfiguration(
            database: "postgres://postgres@127.0.0.1:\(port)/away", upstream: "http://127.0.0.1:9",
            ["LOG_LEVEL": "info"])
        let log = CapturedLog()
        let app = try await buildApplication(configuration, logger: Logger(label: "website") { _ in log })
        let group = ServiceGroup(
            configuration: .init(services: [app], gracefulShutdownSignals: [], logger: TestDatabase.logger))
        let (endings, ended) = AsyncStream.makeStream(of: String.self)
        let running = Task {
            do {
                try await group.run()
                ended.yield("returned")
            } catch {
                ended.yield(error is StartupStopped ? "stopped" : "\(error)")
            }
        }
        // The node is trying the database (a refused connection is logged at once).
        #expect(try await eventually { log.contains("psql_error") })
        await group.triggerGracefulShutdown()
        // Not a wait for a fixed time: the stop takes a moment; the bound only keeps a node that
        // never ends from hanging the suite.
        let ending = await firstElement(of: endings, within: .seconds(60))
        #expect(ending == "stopped", "the node ends on a stop during start-up")
        if ending == nil { running.cancel() }
    }
}

/// A log handler that keeps every message, for tests that wait for a node to say something.
final class CapturedLog: LogHandler, Sendable {
    private let lines = Mutex<[String]>([])

    func contains(_ text: String) -> Bool { lines.withLock { $0.contains { $0.contains(text) } } }

    func log(event: LogEvent) {
        lines.withLock { $0.append("\(event.message) \(event.metadata ?? [:])") }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }
    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }
    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }
}
