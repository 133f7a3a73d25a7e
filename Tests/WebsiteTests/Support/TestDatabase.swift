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

    private static let cleaned = Atomic<Bool>(false)

    /// Drops the databases that earlier test runs left (their process is gone), once per run;
    /// a run's own databases go with the throwaway cluster, or with the next run.
    static func dropLeftovers() async throws {
        guard cleaned.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged else { return }
        try await withClient(adminURL) { client in
            var names: [String] = []
            for try await name in try await client.query(
                "SELECT datname FROM pg_database WHERE datname LIKE 'website\\_test\\_%'"
            ).decode(String.self) {
                names.append(name)
            }
            for name in names {
                let parts = name.split(separator: "_")
                guard parts.count > 2, let pid = Int32(parts[2]), pid != ProcessInfo.processInfo.processIdentifier,
                    kill(pid, 0) != 0
                else { continue }
                _ = try? await client.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"))
            }
        }
    }

    /// Creates an empty database and returns its URL.
    static func create() async throws -> String {
        try await dropLeftovers()
        let name =
            "website_test_\(ProcessInfo.processInfo.processIdentifier)_\(counter.add(1, ordering: .relaxed).newValue)_\(UInt32.random(in: 0...UInt32.max))"
        try await withClient(adminURL) { client in
            _ = try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
        }
        var components = URLComponents(string: adminURL)!
        components.path = "/\(name)"
        return components.string!
    }

    /// The URL of a database that has the node's schema and nothing else, migrated once per test
    /// process; ``createMigrated()`` copies it.
    private static let template = Mutex<Task<String, any Error>?>(nil)

    /// A new database with the node's current schema and no rows: a copy of one migrated once per
    /// run, so that a test whose subject is not the migrations does not wait for them. Tests of
    /// the migrations themselves start from ``create()``.
    static func createMigrated() async throws -> String {
        let migrated = template.withLock { template in
            if let template { return template }
            let migrating = Task {
                let url = try await create()
                try await withClient(url) { client in
                    _ = try await Migrator(client: client, logger: logger).migrate()
                }
                return url
            }
            template = migrating
            return migrating
        }
        return try await copy(try await migrated.value)
    }

    /// A copy of a database (as a restore from a dump gives): `CREATE DATABASE … TEMPLATE …`,
    /// retried while the last connections of a stopped node close.
    static func copy(_ url: String) async throws -> String {
        let copyURL = try await create()
        let source = URLComponents(string: url)!.path.dropFirst()
        let target = URLComponents(string: copyURL)!.path.dropFirst()
        try await withClient(adminURL) { client in
            _ = try await client.query(PostgresQuery(unsafeSQL: "DROP DATABASE \(target)"))
            for attempt in 1...50 {
                do {
                    _ = try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(target) TEMPLATE \(source)"))
                    return
                } catch  where attempt < 50 {
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
        }
        return copyURL
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

    /// Runs `body` on a fresh database with the node's schema (``createMigrated()``), as a client and as the node's
    /// ``Database`` (10-second deadline).
    static func withMigrated<T: Sendable>(
        _ body: @Sendable (PostgresClient, Database) async throws -> T
    ) async throws -> T {
        let url = try await createMigrated()
        return try await withClient(url) { client in
            return try await body(client, Database(client: client, timeout: .seconds(10), logger: logger))
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

    /// The first column of every row of a query, as text.
    static func strings(_ url: String, _ sql: String) async throws -> [String] {
        try await withClient(url) { client in
            var values: [String] = []
            for try await value in try await client.query(PostgresQuery(unsafeSQL: sql)).decode(String.self) {
                values.append(value)
            }
            return values
        }
    }
}
