import PostgresNIO
import SyncProtocol
import Testing

@testable import Website

/// The signatures a node makes of its own records are stored by one statement: a row whose
/// content is still the one signed gets its signature, a row written again meanwhile keeps none,
/// the feed gains no change, and no long-poll is woken.
///
/// The feed serves a change only once every older transaction has ended (its horizon), and tests
/// of other databases share the cluster, so a read waits for the changes it expects rather than
/// expecting them at once.
@Suite struct OwnSignatureStoreTests {
    @Test func storesSignaturesQuietlyAndLeavesTheFeedAsItWas() async throws {
        try await TestDatabase.withMigrated { client, database in
            let feed = ChangesFeed(database: database)
            // Own rows of every kind, unsigned, as the node writes them.
            try await database.execute(
                """
                INSERT INTO node_records (origin, name, url, software_version, recorded_at)
                VALUES ('own', 'node-a', NULL, '1.0', timestamptz '2026-11-01 10:00:00+00')
                """)
            try await database.execute(
                """
                INSERT INTO profiles (name_key, display_name, uuid, resolved_at, origin, avatar_sha256)
                VALUES ('alice', 'Alice', '0123456789abcdef0123456789abcdef', timestamptz '2026-11-01 10:00:01+00',
                        'own', NULL)
                """)
            try await database.execute(
                """
                INSERT INTO lookup_counts (origin, name_key, count, last_lookup_at)
                VALUES ('own', 'alice', 3, timestamptz '2026-11-01 10:00:02+00'),
                       ('own', 'bob', 5, timestamptz '2026-11-01 10:00:03+00')
                """)
            var page = ChangesFeed.Page(changes: [], latestSequence: nil)
            #expect(
                try await eventually {
                    page = try await feed.changes(after: .beginning, limit: 100)
                    return page.changes.count == 4
                })
            let end = try #require(page.changes.last?.position)
            let signed: [SyncRecord] = page.changes.compactMap { change in
                if let node = change.node { return .node(node, signature: "sig-node") }
                if let profile = change.profile { return .profile(profile, signature: "sig-profile") }
                if let count = change.count { return .count(count, signature: "sig-\(count.nameKey)") }
                return nil
            }
            #expect(signed.count == 4)
            // Counted again after it was read: the signature made of the older content must not stick.
            // Written as the node writes a count: the row moves to the feed's end.
            try await database.execute(
                """
                UPDATE lookup_counts SET count = 6, xid = pg_current_xact_id(), seq = nextval('change_seq')
                WHERE name_key = 'bob'
                """)

            try await client.withConnection { listener in
                try await listener.listen(on: ChangeListener.channel) { notifications in
                    try await feed.storeOwnSignatures(signed)
                    // Notifications arrive in commit order: one from the store would come first.
                    try await database.execute("SELECT pg_notify(\(ChangeListener.channel), 'marker')")
                    for try await notification in notifications {
                        #expect(notification.payload == "marker")
                        break
                    }
                }
            }

            var signatures: [(String, String?)] = []
            let rows = try await client.query(
                """
                SELECT 'node', signature FROM node_records
                UNION ALL SELECT 'profile ' || name_key, signature FROM profiles
                UNION ALL SELECT 'count ' || name_key, signature FROM lookup_counts
                ORDER BY 1
                """
            )
            for try await row in rows.decode((String, String?).self) { signatures.append(row) }
            #expect(signatures.map(\.0) == ["count alice", "count bob", "node", "profile alice"])
            #expect(signatures.map(\.1) == ["sig-alice", nil, "sig-node", "sig-profile"])
            // A later write marks the end: once the feed serves it, any change the store made would
            // be served too; only bob's new count and the marker may be there.
            try await database.execute(
                """
                INSERT INTO lookup_counts (origin, name_key, count, last_lookup_at)
                VALUES ('own', 'carol', 1, timestamptz '2026-11-01 10:00:04+00')
                """)
            var after = ChangesFeed.Page(changes: [], latestSequence: nil)
            #expect(
                try await eventually {
                    after = try await feed.changes(after: end, limit: 100)
                    return after.changes.contains { $0.count?.nameKey == "carol" }
                })
            #expect(after.changes.map { $0.count?.nameKey } == ["bob", "carol"])
        }
    }
}
