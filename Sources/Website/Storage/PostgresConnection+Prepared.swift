import Logging
import PostgresNIO

extension PostgresConnection {
    /// SQLSTATEs of a statement naming a table, column, function or type that does not exist.
    static let schemaObjectMissing: Set<String> = ["42P01", "42703", "42883", "42704", "3F000"]

    /// Runs a prepared statement and collects its rows. postgres-nio keeps a failed preparation
    /// for the life of the connection: a connection that prepared a statement while the schema
    /// was missing (a database being restored under the running node) would fail it forever. So
    /// on a missing-object error the same SQL runs once more unprepared, which succeeds as soon
    /// as the schema is back (and fails the same way while it is not).
    func executeCollecting<Statement: PostgresPreparedStatement>(
        _ statement: Statement, logger: Logger
    ) async throws -> [Statement.Row] {
        do {
            var rows: [Statement.Row] = []
            for try await row in try await execute(statement, logger: logger) { rows.append(row) }
            return rows
        } catch let error as PSQLError
            where error.code == .server && Self.schemaObjectMissing.contains(error.serverInfo?[.sqlState] ?? "")
        {
            logger.debug(
                "prepared statement failed on a missing object; running it unprepared",
                metadata: ["statement": "\(Statement.name)"])
            let query = PostgresQuery(unsafeSQL: Statement.sql, binds: try statement.makeBindings())
            var rows: [Statement.Row] = []
            for try await row in try await self.query(query, logger: logger) {
                rows.append(try statement.decodeRow(row))
            }
            return rows
        }
    }
}
