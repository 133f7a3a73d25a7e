import PostgresNIO
import Testing

@testable import Website

/// The per-name totals the listings read are maintained by triggers in the writing transaction:
/// after inserts, upserts, merges and deletes they equal the sum over the counters.
@Suite struct NameTotalsTests {
    static let compare = """
        SELECT count(*) FROM (
            (SELECT name_key, total FROM name_totals
             EXCEPT SELECT name_key, sum(count) FROM lookup_counts GROUP BY name_key)
            UNION ALL
            (SELECT name_key, sum(count) FROM lookup_counts GROUP BY name_key
             EXCEPT SELECT name_key, total FROM name_totals)
        ) AS differences
        """

    @Test func totalsFollowEveryKindOfWrite() async throws {
        try await TestDatabase.withMigrated { client, _ in
            let steps = [
                """
                INSERT INTO lookup_counts (origin, name_key, count, last_lookup_at)
                SELECT 'o' || o, 'n' || n, o * n, now() FROM generate_series(1, 3) o, generate_series(1, 50) n
                """,
                """
                INSERT INTO lookup_counts AS c (origin, name_key, count, last_lookup_at)
                SELECT 'o1', 'n' || n, 1, now() FROM generate_series(40, 60) n
                ON CONFLICT (origin, name_key) DO UPDATE SET count = c.count + 1, last_lookup_at = now()
                """,
                "UPDATE lookup_counts SET count = count * 2 WHERE origin = 'o2' AND name_key LIKE 'n1%'",
                "DELETE FROM lookup_counts WHERE origin = 'o3'",
                "DELETE FROM lookup_counts WHERE name_key = 'n7'",
            ]
            for step in steps {
                try await client.query(PostgresQuery(unsafeSQL: step), logger: TestDatabase.logger)
                var differences: Int64 = -1
                for try await value in try await client.query(
                    PostgresQuery(unsafeSQL: Self.compare), logger: TestDatabase.logger
                ).decode(Int64.self) {
                    differences = value
                }
                #expect(differences == 0, "after: \(step)")
            }
            var leftover: Int64 = -1
            for try await value in try await client.query(
                "SELECT count(*) FROM name_totals WHERE name_key = 'n7'", logger: TestDatabase.logger
            ).decode(Int64.self) {
                leftover = value
            }
            #expect(leftover == 0)
        }
    }
}
