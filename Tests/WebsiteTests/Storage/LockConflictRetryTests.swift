import PostgresNIO
import Testing

@testable import Website

@Suite struct LockConflictRetryTests {
    /// A statement that PostgreSQL aborts to break a deadlock changed nothing and runs again: the
    /// caller (a lookup's counter, a merge) never sees the deadlock. PostgreSQL checks for a
    /// deadlock once per wait, `deadlock_timeout` after the wait began: the node's sessions check
    /// after 10 s, by when the other transaction waits too (it starts waiting as soon as the test
    /// sees the node's statement wait), and the other after 30 s, so the node's statement is the
    /// one PostgreSQL aborts. (With the default 1 s, a slow machine let the node's one check pass
    /// before the other waited, and the other was aborted instead.)
    @Test func aStatementAbortedByADeadlockRunsAgain() async throws {
        let url = try await TestDatabase.create()
        try await TestDatabase.withClient(url) { client in
            try await Migrator(client: client, logger: TestDatabase.logger).migrate()
            let name = url.split(separator: "/").last!
            try await client.query(PostgresQuery(unsafeSQL: "ALTER DATABASE \(name) SET deadlock_timeout = '10s'"))
        }
        // Sessions opened from here on have the database's setting.
        try await TestDatabase.withClient(url) { client in
            let database = Database(client: client, timeout: .seconds(60), logger: TestDatabase.logger)
            try await client.query("CREATE TABLE pair (id int PRIMARY KEY, n int NOT NULL)")
            try await client.query("INSERT INTO pair VALUES (1, 0), (2, 0)")
            try await withThrowingTaskGroup(of: Void.self) { group in
                try await client.withConnection { other in
                    try await other.query("SET deadlock_timeout = '30s'", logger: TestDatabase.logger)
                    try await other.query("BEGIN", logger: TestDatabase.logger)
                    try await other.query("UPDATE pair SET n = n + 1 WHERE id = 2", logger: TestDatabase.logger)
                    // Locks row 1, then waits for row 2.
                    group.addTask {
                        try await database.execute("UPDATE pair SET n = n + 1 WHERE id IN (1, 2)")
                    }
                    let waiting = try await eventually {
                        try await Self.value(
                            client,
                            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE pair SET n = n + 1 WHERE id IN%'"
                        ) == 1
                    }
                    #expect(waiting)
                    // Waits for row 1: a deadlock, which the node's statement finds first.
                    try await other.query("UPDATE pair SET n = n + 1 WHERE id = 1", logger: TestDatabase.logger)
                    try await other.query("COMMIT", logger: TestDatabase.logger)
                }
                try await group.waitForAll()
            }
            #expect(try await Self.value(client, "SELECT sum(n)::int8 FROM pair") == 4)
        }
    }

    private static func value(_ client: PostgresClient, _ query: PostgresQuery) async throws -> Int64? {
        for try await value in try await client.query(query).decode(Int64.self) { return value }
        return nil
    }
}
