import Foundation
import Logging
import PostgresNIO
import Synchronization

@testable import Website

/// Databases for tests: each test gets a fresh, empty database on the PostgreSQL that
/// `DATABASE_URL` names (scripts/test starts a throwaway one), so tests run in any order.
enum TestDatabase {
    static let adminURL =
        ProcessInfo.processInfo.environment["DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/postgres"
    /// Quiet: a client's first lease can race its `run()` in `withClient`, which postgres-nio
    /// reports as a warning although the lease just waits.
    static let logger: Logger = {
        var logger = Logger(label: "test")
        logger.logLevel = .error
        return logger
    }()
    private static let counter = Atomic<Int>(0)

    /// Creates an empty database and returns its URL.
    static func create() async throws -> String {
        let name =
            "website_test_\(ProcessInfo.processInfo.processIdentifier)_\(counter.add(1, ordering: .relaxed).newValue)_\(UInt32.random(in: 0...UInt32.max))"
        try await withClient(adminURL) { client in
            _ = try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
        }
        var components = URLComponents(string: adminURL)!
        components.path = "/\(name)"
        return components.string!
    }

    /// Runs `body` with a running client for `url`.
    static func withClient<T: Sendable>(
        _ url: String, _ body: @Sendable (PostgresClient) async throws -> T
    ) async throws -> T {
        var configuration = try DatabaseSettings.parse(url: url)
        configuration.options.maximumConnections = 4
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }

    /// One value from a query returning a single row and column.
    static func scalar<T: PostgresDecodable & Sendable>(
        _ url: String, _ query: PostgresQuery, as type: T.Type
    ) async throws -> T? {
        try await withClient(url) { client in
            for try await value in try await client.query(query).decode(T.self) { return value }
            return nil
        }
    }
}
