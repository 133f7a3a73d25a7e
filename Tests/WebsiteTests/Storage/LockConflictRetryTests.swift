import PostgresNIO
import Testing

@testable import Website

@Suite struct LockConflictRetryTests {
    /// A statement that PostgreSQL aborts to break a deadlock changed nothing and runs again: the
    /// caller (a lookup's counter, a merge) never sees the deadlock. The other transaction waits
    /// for the deadlock with a 30-second `deadlock_timeout`, so the node's statement, which waits
    /// first with the default 1 s, is always the one PostgreSQL aborts.
    @Test func aStatementAbortedByADeadlockRunsAgain() async throws {
        try await TestDatabase.withMigrated { client, database in
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
