import AsyncHTTPClient
import Configuration
import FakeUpstream
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

@testable import Website

/// Runs an application on a free loopback port for the duration of `body`, then shuts it down
/// gracefully. Start-up failures are thrown instead of hanging the test.
func withRunningApp<T: Sendable>(
    _ build: (@escaping @Sendable (Int) async -> Void) async throws -> some ApplicationProtocol,
    _ body: (Int) async throws -> T
) async throws -> T {
    let (ports, continuation) = AsyncStream<Int>.makeStream()
    let app = try await build { port in continuation.yield(port) }
    let group = ServiceGroup(
        configuration: .init(services: [app], gracefulShutdownSignals: [], logger: TestDatabase.logger))
    return try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask {
            defer { continuation.finish() }
            try await group.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            try await tasks.waitForAll()
            throw TestFailure("the application stopped before it served")
        }
        do {
            let result = try await body(port)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return result
        } catch {
            await group.triggerGracefulShutdown()
            try? await tasks.waitForAll()
            throw error
        }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Runs the fake upstream for `body`, which gets its base URL.
func withFakeUpstream<T: Sendable>(
    _ state: FakeUpstreamState = FakeUpstreamState(), _ body: (String) async throws -> T
) async throws -> T {
    try await withRunningApp(
        { onRunning in
            FakeUpstream.buildApplication(
                host: "127.0.0.1", port: 0, state: state, logger: TestDatabase.logger, onServerRunning: onRunning)
        }, { port in try await body("http://127.0.0.1:\(port)") })
}

/// A node configuration for tests: loopback, a free port, the given database and upstream.
func testConfiguration(database: String, upstream: String, _ extra: [String: String] = [:]) throws -> AppConfiguration {
    var environment = [
        "HTTP_HOST": "127.0.0.1", "HTTP_PORT": "0", "DATABASE_URL": database, "NODE_NAME": "test-node",
        "MOJANG_API_URL": upstream, "AVATAR_URL": "\(upstream)/avatar",
        // Long enough for the stand-in on a loaded machine (a timeout turns a 429 or a profile into a 502).
        "UPSTREAM_TIMEOUT_SECONDS": "4",
        // Dozens of nodes share two cores while the suite runs: a one-row query can take longer
        // than the watch's default 0.6 s without the database being gone.
        "DATABASE_WATCH_SECONDS": "3",
        // For the same reason a request may wait longer than the default 5 s (CI's Docker run saw a
        // lookup of the three-node mesh answered 503 while the machine was busy).
        "DATABASE_TIMEOUT_SECONDS": "15",
        "LOG_LEVEL": ProcessInfo.processInfo.environment["TEST_LOG_LEVEL"] ?? "error", "PEERS_FILE": "/nonexistent",
        // Every test visitor is 127.0.0.1: one client, whose allowance of new names would end the
        // suites' lookups (HostileVisitorTests sets the limit it tests).
        "UPSTREAM_LOOKUPS_PER_CLIENT_PER_MINUTE": "1000000", "SYNC_REQUESTS_PER_CLIENT_PER_SECOND": "1000000",
    ]
    environment.merge(extra) { $1 }
    return try AppConfiguration(
        reader: .init(provider: EnvironmentVariablesProvider(environmentVariables: environment)))
}

/// Runs one node for `body`, which gets the node's base URL.
func withNode<T: Sendable>(
    database: String, upstream: String, _ extra: [String: String] = [:], _ body: (String) async throws -> T
) async throws -> T {
    let configuration = try testConfiguration(database: database, upstream: upstream, extra)
    return try await withRunningApp(
        { onRunning in try await buildApplication(configuration, onServerRunning: onRunning) },
        { port in try await body("http://127.0.0.1:\(port)") })
}

/// A response read whole.
struct FetchedResponse: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
    func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
}

func fetch(_ url: String, headers: [(String, String)] = []) async throws -> FetchedResponse {
    var request = HTTPClientRequest(url: url)
    for (name, value) in headers { request.headers.add(name: name, value: value) }
    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
    let body = try await response.body.collect(upTo: 4 * 1024 * 1024)
    return FetchedResponse(
        status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
        body: Array(buffer: body))
}
