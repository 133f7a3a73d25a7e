import Foundation
import Logging
import PostgresNIO
import Testing

@testable import Website

@Suite struct MigrationTests {
    func nodeID(of node: String) async throws -> String {
        let body = try await fetch("\(node)/api/v1/node").body
        let json = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
        return try #require(json?["nodeId"] as? String)
    }

    @Test func applyingTwiceIsANoOp() async throws {
        let url = try await TestDatabase.create()
        try await TestDatabase.withClient(url) { client in
            let migrator = Migrator(client: client, logger: TestDatabase.logger)
            let first = try await migrator.migrate()
            #expect(first == Migrations.all.map(\.name))
            #expect(try await migrator.migrate().isEmpty)
            #expect(
                try await migrator.isUpToDate(
                    Database(client: client, timeout: .seconds(5), logger: TestDatabase.logger)))
        }
        let recorded = try await TestDatabase.scalar(url, "SELECT count(*) FROM schema_migrations", as: Int64.self)
        #expect(recorded == Int64(Migrations.all.count))
        // The counters keep the indexes something reads, and not the one by time (DropCounterTimeIndex).
        let indexes = try await TestDatabase.scalar(
            url,
            "SELECT string_agg(indexname, ' ' ORDER BY indexname) FROM pg_indexes WHERE tablename = 'lookup_counts'",
            as: String.self)
        #expect(
            indexes
                == "lookup_counts_feed lookup_counts_name_bucket lookup_counts_name_key lookup_counts_pkey")
    }

    /// A database of the previous release (its seven migrations) holding rows a lying neighbour
    /// sent then: the upgrade in place removes what breaks the trust rules and keeps the rest.
    @Test func upgradingThePreviousReleaseRemovesImplausibleRows() async throws {
        let url = try await TestDatabase.create()
        let previousRelease = Array(Migrations.all.prefix(7))
        #expect(previousRelease.last?.name == "CreatePlayerHeadsTable")
        try await TestDatabase.withClient(url) { client in
            var migrator = Migrator(client: client, logger: TestDatabase.logger)
            migrator.migrations = previousRelease
            try await migrator.migrate()
            for statement in [
                """
                INSERT INTO lookup_counts (origin, name_key, count, last_lookup_at) VALUES
                    ('liar1', 'notch', 4611686018427387904, now()), ('liar2', 'notch', 4611686018427387904, now()),
                    ('liar3', 'later', 5, now() + interval '10 years'), ('honest', 'notch', 7, now())
                """,
                """
                INSERT INTO profiles (name_key, display_name, uuid, resolved_at, origin) VALUES
                    ('notch', 'Notch', '0000000000000000000000000000000a', '2199-01-01', 'liar1'),
                    ('jeb_', 'jeb_', '0000000000000000000000000000000b', now(), 'honest')
                """,
            ] {
                try await client.query(PostgresQuery(unsafeSQL: statement), logger: TestDatabase.logger)
            }
            let applied = try await Migrator(client: client, logger: TestDatabase.logger).migrate()
            #expect(applied == Migrations.all.dropFirst(7).map(\.name))
        }
        #expect(
            try await TestDatabase.scalar(
                url, "SELECT string_agg(origin || ':' || name_key, ',' ORDER BY origin) FROM lookup_counts",
                as: String.self) == "honest:notch")
        #expect(
            try await TestDatabase.scalar(url, "SELECT string_agg(name_key, ',') FROM profiles", as: String.self)
                == "jeb_")
        #expect(
            try await TestDatabase.scalar(url, "SELECT string_agg(origin, ',') FROM origins", as: String.self)
                == "honest")
    }

    @Test func concurrentMigratorsOnAnEmptyDatabaseBothSucceed() async throws {
        let url = try await TestDatabase.create()
        let applied = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<4 {
                group.addTask {
                    try await TestDatabase.withClient(url) { client in
                        try await Migrator(client: client, logger: TestDatabase.logger).migrate()
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        // Exactly one of them did the work; the others found it done.
        #expect(applied.filter { !$0.isEmpty }.count == 1)
        #expect(applied.flatMap { $0 }.sorted() == Migrations.all.map(\.name).sorted())
    }

    @Test func twoNodesStartingTogetherShareOneIdentity() async throws {
        let url = try await TestDatabase.create()
        try await withFakeUpstream { upstream in
            async let first = withNode(database: url, upstream: upstream) { try await nodeID(of: $0) }
            async let second = withNode(database: url, upstream: upstream) { try await nodeID(of: $0) }
            let (a, b) = try await (first, second)
            #expect(a.count == 43)
            #expect(a == b)
        }
        let identities = try await TestDatabase.scalar(url, "SELECT count(*) FROM node_identity", as: Int64.self)
        #expect(identities == 1)
    }
}
