import Logging
import PostgresNIO

/// Applies ``Migrations/all`` in order, each recorded in `schema_migrations`.
///
/// Everything runs in one transaction holding an advisory lock, so replicas that start together
/// wait for each other instead of racing; the second finds nothing left to do.
struct Migrator {
    /// Arbitrary constant naming the migration lock among the database's advisory locks.
    static let advisoryLockKey: Int64 = 0x4845_4144_5300_0001

    let client: PostgresClient
    let logger: Logger
    /// The steps to apply (all of them; tests stop at an earlier release's last step).
    var migrations: [any Migration] = Migrations.all

    /// Applies the missing migrations; returns the names of those it applied.
    @discardableResult
    func migrate() async throws -> [String] {
        try await client.withTransaction(logger: logger) { connection in
            // Migrations of a large database take longer than the sessions' statement timeout
            // (which bounds the request path): none here, for this transaction only.
            try await connection.query("SET LOCAL statement_timeout = 0", logger: logger)
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.advisoryLockKey))", logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    name text PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, logger: logger)
            var applied = Set<String>()
            for try await name in try await connection.query("SELECT name FROM schema_migrations", logger: logger)
                .decode(String.self)
            {
                applied.insert(name)
            }
            var newlyApplied: [String] = []
            for migration in migrations where !applied.contains(migration.name) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO schema_migrations (name) VALUES (\(migration.name))", logger: logger)
                logger.info("applied migration", metadata: ["migration": "\(migration.name)"])
                newlyApplied.append(migration.name)
            }
            return newlyApplied
        }
    }

    /// Whether every known migration is recorded (the readiness check).
    func isUpToDate(_ database: Database) async throws -> Bool {
        let names = Migrations.all.map(\.name)
        let count = try await database.values(
            "SELECT count(*) FROM schema_migrations WHERE name = ANY(\(names))", as: Int64.self)
        return count.first == Int64(names.count)
    }
}
