import Foundation
import ServiceLifecycle
import Testing

@testable import Website

@Suite struct ShutdownTests {
    /// A running node whose database stops answering (paused: connections open, nothing
    /// answered) still stops when asked, well before its 30 s background deadline or the two
    /// minutes a page may wait here, and closes every connection to the database on the way: no
    /// query, probe, writer or pull is left waiting on it.
    @Test func aNodeWhoseDatabaseIsPausedStopsAndLetsGoOfIt() async throws {
        var database = try #require(URLComponents(string: try await TestDatabase.createMigrated()))
        let proxy = try await PausableProxy.start(to: database.host ?? "127.0.0.1", port: database.port ?? 5432)
        (database.host, database.port) = ("127.0.0.1", proxy.port)
        let stopped = try await withFakeUpstream { upstream in
            let configuration = try testConfiguration(
                database: try #require(database.string), upstream: upstream,
                // A page waits up to two minutes for the database; only the watch's probe (every
                // second, answered within 3 s) sees it gone sooner.
                ["DATABASE_TIMEOUT_SECONDS": "120", "DATABASE_WATCH_SECONDS": "3"])
            let (ports, portSeen) = AsyncStream.makeStream(of: Int.self)
            let app = try await buildApplication(configuration) { portSeen.yield($0) }
            let group = ServiceGroup(
                configuration: .init(services: [app], gracefulShutdownSignals: [], logger: TestDatabase.logger))
            let (endings, ended) = AsyncStream.makeStream(of: ContinuousClock.Instant.self)
            let running = Task {
                try? await group.run()
                ended.yield(.now)
            }
            var iterator = ports.makeAsyncIterator()
            let base = "http://127.0.0.1:\(try #require(await iterator.next()))"
            #expect(try await fetch("\(base)/heads/alice").status == 200)
            #expect(proxy.openConnections > 0)

            proxy.pause()
            // A visitor's page and the node's own work now wait on the database.
            let visitor = Task { try? await fetch("\(base)/") }
            #expect(try await eventually { proxy.heldBack > 0 })
            let asked = ContinuousClock.now
            await group.triggerGracefulShutdown()
            let end = await firstElement(of: endings, within: .seconds(90))
            if end == nil { running.cancel() }
            _ = await visitor.value
            return end.map { $0 - asked }
        }
        let took = try #require(stopped, "the node did not stop within 90 s")
        #expect(took < .seconds(25), "stopping took \(took)")
        #expect(try await eventually { proxy.openConnections == 0 }, "\(proxy.openConnections) still open")
        await proxy.close()
    }

    /// The feed epoch's check, every second, queries the database; cancelled while that query
    /// waits on a paused database, it ends at once. (It once used the client without a deadline
    /// and waited for ever, holding up the node's shutdown: the test above failed when the check
    /// happened to be in flight.)
    @Test func theFeedEpochCheckEndsWhenCancelledWhileTheDatabaseIsPaused() async throws {
        var database = try #require(URLComponents(string: try await TestDatabase.createMigrated()))
        let proxy = try await PausableProxy.start(to: database.host ?? "127.0.0.1", port: database.port ?? 5432)
        (database.host, database.port) = ("127.0.0.1", proxy.port)
        let stopped = try await TestDatabase.withClient(try #require(database.string)) { client in
            let logger = TestDatabase.logger
            let epoch = FeedEpoch(
                repository: FeedEpochRepository(
                    database: Database(client: client, timeout: .seconds(30), logger: logger), logger: logger),
                logger: logger)
            try await epoch.check()
            let (endings, ended) = AsyncStream.makeStream(of: ContinuousClock.Instant.self)
            let running = Task {
                try? await epoch.run()
                ended.yield(.now)
            }
            proxy.pause()
            // Nothing else uses this database: what is held back is the check's query.
            #expect(try await eventually { proxy.heldBack > 0 })
            let asked = ContinuousClock.now
            running.cancel()
            return await firstElement(of: endings, within: .seconds(90)).map { $0 - asked }
        }
        let took = try #require(stopped, "the check did not end within 90 s")
        #expect(took < .seconds(5), "ending took \(took)")
        await proxy.close()
    }
}
