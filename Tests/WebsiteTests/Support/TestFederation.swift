import Foundation
import PostgresNIO
import Testing

@testable import Website

/// A node started by a federation test: where it answers, its database and its peers file.
struct TestNode: Sendable {
    var url: String
    var database: String
    var peersFile: String

    /// Writes the node's peers file; the node notices within a second.
    func connect(to others: [TestNode]) throws {
        try others.map { $0.url }.joined(separator: "\n").write(toFile: peersFile, atomically: true, encoding: .utf8)
    }

    func nodeID() async throws -> String {
        let json = try JSONSerialization.jsonObject(with: Data(try await fetch("\(url)/api/v1/node").body))
        return try #require((json as? [String: Any])?["nodeId"] as? String)
    }

    /// (origin, name, count) and profiles as one string: equal digests mean equal state.
    func digest() async throws -> String {
        let counts =
            try await TestDatabase.scalar(
                database,
                "SELECT coalesce(string_agg(origin || ':' || name_key || ':' || count, ',' ORDER BY origin, name_key), '') FROM lookup_counts",
                as: String.self) ?? ""
        let profiles =
            try await TestDatabase.scalar(
                database,
                """
                SELECT coalesce(string_agg(name_key || ':' || display_name || ':' || uuid || ':' || resolved_at || ':' || origin
                    || ':' || coalesce(avatar_sha256, '-'), ',' ORDER BY name_key), '') FROM profiles
                """, as: String.self) ?? ""
        return counts + "|" + profiles
    }

    func total(_ name: String) async throws -> Int64 {
        try await TestDatabase.scalar(
            database, "SELECT coalesce(sum(count), 0)::bigint FROM lookup_counts WHERE name_key = \(name)",
            as: Int64.self) ?? 0
    }
}

/// Settings that make federation tests fast: frequent discovery, short long-polls.
let fastSync = ["DISCOVERY_INTERVAL_SECONDS": "0.3", "SYNC_WAIT_SECONDS": "2", "SYNC_TIMEOUT_SECONDS": "5"]

/// Runs one node per entry of `environments` (each with its own new database unless the entry
/// names `DATABASE_URL`), with an empty peers file each.
func withNodes<T: Sendable>(
    _ environments: [[String: String]], upstream: String, resolver: (any NameResolver)? = nil,
    _ body: ([TestNode]) async throws -> T
) async throws -> T {
    try await startNodes(environments[...], upstream: upstream, resolver: resolver, started: [], body)
}

private func startNodes<T: Sendable>(
    _ remaining: ArraySlice<[String: String]>, upstream: String, resolver: (any NameResolver)?, started: [TestNode],
    _ body: ([TestNode]) async throws -> T
) async throws -> T {
    guard let environment = remaining.first else { return try await body(started) }
    let database: String
    if let given = environment["DATABASE_URL"] {
        database = given
    } else {
        database = try await TestDatabase.createMigrated()
    }
    let peersFile = FileManager.default.temporaryDirectory.appendingPathComponent("peers-\(UUID().uuidString)").path
    try "".write(toFile: peersFile, atomically: true, encoding: .utf8)
    var settings = fastSync
    settings["NODE_NAME"] = "node-\(started.count)"
    settings["PEERS_FILE"] = peersFile
    settings.merge(environment) { $1 }
    let configuration = try testConfiguration(database: database, upstream: upstream, settings)
    return try await withRunningApp(
        { onRunning in
            try await buildApplication(
                configuration, resolver: resolver ?? SystemNameResolver(), onServerRunning: onRunning)
        },
        { port in
            let host = configuration.httpHost
            let node = TestNode(url: "http://\(host):\(port)", database: database, peersFile: peersFile)
            return try await startNodes(
                remaining.dropFirst(), upstream: upstream, resolver: resolver, started: started + [node], body)
        })
}

/// Polls `condition` until it holds or `timeout` passes; returns whether it held.
func eventually(
    timeout: Duration = .seconds(20), every interval: Duration = .milliseconds(50),
    _ condition: () async throws -> Bool
) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: interval)
    }
    return try await condition()
}
