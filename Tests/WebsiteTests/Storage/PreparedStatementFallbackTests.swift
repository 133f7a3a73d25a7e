import Foundation
import PostgresNIO
import Testing

@testable import Website

/// postgres-nio keeps a failed preparation for the life of a connection. A connection that
/// prepared a statement while its table was missing (a database restored under the running node)
/// would fail it for good; `executeCollecting` runs it unprepared once the table is back.
@Suite struct PreparedStatementFallbackTests {
    struct CountRows: PostgresPreparedStatement {
        static let name = "test_count_rows"
        static let sql = "SELECT count(*) FROM restored_later"
        typealias Row = Int64
        func makeBindings() throws -> PostgresBindings { PostgresBindings() }
        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Int64.self) }
    }

    @Test func aStatementPreparedWhileItsTableWasMissingRunsOnceTheTableIsBack() async throws {
        let url = try await TestDatabase.create()
        try await TestDatabase.withClient(url) { client in
            try await client.withConnection { connection in
                await #expect(throws: PSQLError.self) {
                    try await connection.executeCollecting(CountRows(), logger: TestDatabase.logger)
                }
                try await connection.query("CREATE TABLE restored_later (x int)", logger: TestDatabase.logger)
                try await connection.query("INSERT INTO restored_later VALUES (1), (2)", logger: TestDatabase.logger)
                // The same connection: its failed preparation is still cached by postgres-nio.
                await #expect(throws: PSQLError.self) {
                    for try await _ in try await connection.execute(CountRows(), logger: TestDatabase.logger) {}
                }
                #expect(try await connection.executeCollecting(CountRows(), logger: TestDatabase.logger) == [2])
            }
        }
    }
}
