import PostgresNIO
import SyncProtocol
import Testing

@testable import Website

/// The feed serves changes in the order of their positions, numerically, also where the
/// transaction ids gain a digit (99 → 100): paged with a small limit, every change is served once,
/// none skipped.
@Suite struct ChangesFeedOrderTests {
    @Test func pagesFollowTransactionIdsAcrossADigitBoundary() async throws {
        try await TestDatabase.withMigrated { client, database in
            let feed = ChangesFeed(database: database)
            // Positions given by hand, far below any running transaction (every cluster has used
            // hundreds of ids by now), so that the feed's horizon never holds them back; two tables,
            // so that the feed's union has to order them.
            try await database.execute(
                """
                INSERT INTO lookup_counts (origin, name_key, count, last_lookup_at, xid, seq)
                VALUES ('own', 'a', 1, timestamptz '2026-11-01 10:00:00+00', '98', 1),
                       ('own', 'b', 1, timestamptz '2026-11-01 10:00:00+00', '99', 2),
                       ('own', 'd', 1, timestamptz '2026-11-01 10:00:00+00', '101', 4)
                """)
            try await database.execute(
                """
                INSERT INTO profiles (name_key, display_name, uuid, resolved_at, origin, avatar_sha256, xid, seq)
                VALUES ('c', 'c', '0123456789abcdef0123456789abcdef', timestamptz '2026-11-01 10:00:00+00',
                        'own', NULL, '100', 3)
                """)
            var served: [String] = []
            var positions: [FeedPosition] = []
            var since = FeedPosition.beginning
            for _ in 0..<10 {
                let page = try await feed.changes(after: since, limit: 2)
                guard let last = page.changes.last else { break }
                for change in page.changes {
                    if let name = change.count?.nameKey ?? change.profile?.nameKey { served.append(name) }
                    positions.append(change.position)
                }
                since = last.position
            }
            #expect(served == ["a", "b", "c", "d"])
            #expect(positions.map(\.description) == ["98.1", "99.2", "100.3", "101.4"])
        }
    }
}
