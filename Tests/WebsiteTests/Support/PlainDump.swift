import Foundation
import PostgresNIO

/// A plain-SQL dump as `pg_dump --inserts` writes it, split into statements so that a client that
/// runs one statement at a time (postgres-nio's extended protocol) can load it, as `psql -f` would.
struct PlainDump {
    var statements: [String] = []

    /// Splits `sql` at semicolons that end a line outside dollar quotes (function bodies);
    /// comments and psql's backslash commands (`\restrict`) are left out.
    init(_ sql: String) {
        var current: [Substring] = []
        var inDollarQuote = false
        for line in sql.split(separator: "\n", omittingEmptySubsequences: false) {
            if current.isEmpty, !inDollarQuote,
                line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("--") || line.hasPrefix("\\")
            {
                continue
            }
            current.append(line)
            for quote in ["$$", "$_$"] where line.components(separatedBy: quote).count % 2 == 0 {
                inDollarQuote.toggle()
            }
            if !inDollarQuote, line.hasSuffix(";") {
                statements.append(current.joined(separator: "\n"))
                current = []
            }
        }
    }

    /// Runs every statement in order on one connection (pg_dump's `set_config` lines hold per
    /// session).
    func load(into client: PostgresClient) async throws {
        try await client.withConnection { connection in
            for statement in statements {
                _ = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: TestDatabase.logger)
            }
        }
    }
}
