import Foundation
import PostgresNIO
import SyncProtocol
import Testing

@testable import Website

/// `digest_buckets` is kept by triggers in the writing statements: after concurrent lookups,
/// merges both ways, a purge and a restore (with the epoch re-stamp that follows it), every
/// bucket equals the same bucket computed from the rows, and the digests served from buckets
/// equal digests computed from the rows.
@Suite struct DigestBucketTests {
    /// "kind/bucket" → "records digest", from the rows of every kind.
    static func fromRows(_ url: String) async throws -> [String: String] {
        let digits = RefineDigestBuckets.bucketDigits
        let parts = RecordKind.allCases.map {
            """
            SELECT '\($0.letter)/' || left(md5(\($0.rangeKey)), \(digits)) AS key, count(*) AS records,
                   coalesce(bit_xor(\($0.contentHash)), 0) AS digest
            FROM \($0.table) GROUP BY 1
            """
        }
        return try await pairs(url, parts.joined(separator: " UNION ALL "))
    }

    /// The same from `digest_buckets`; a bucket whose records went to zero must have gone back to
    /// digest zero too, so only all-zero rows are left out.
    static func kept(_ url: String) async throws -> [String: String] {
        try await pairs(
            url,
            "SELECT kind || '/' || bucket, records, digest FROM digest_buckets WHERE records <> 0 OR digest <> 0")
    }

    private static func pairs(_ url: String, _ sql: String) async throws -> [String: String] {
        try await TestDatabase.withClient(url) { client in
            var result: [String: String] = [:]
            for try await (key, records, digest) in try await client.query(PostgresQuery(unsafeSQL: sql)).decode(
                (String, Int64, Int64).self)
            {
                result[key] = "\(records) \(digest)"
            }
            return result
        }
    }

    /// The top-level digests as served (from buckets) and as computed from the rows of every kind.
    static func topLevel(_ url: String) async throws -> (served: [RangeDigest], computed: [RangeDigest]) {
        try await TestDatabase.withClient(url) { client in
            let database = Database(client: client, timeout: .seconds(10), logger: TestDatabase.logger)
            let served = try await DigestRepository(database: database).digests(
                prefixes: [""], kinds: RecordKind.allCases)
            let items = RecordKind.allCases.map {
                "SELECT left(md5(\($0.rangeKey)), 1) AS range, \($0.contentHash) AS h FROM \($0.table)"
            }
            let computed = try await database.query(
                PostgresQuery(
                    unsafeSQL: """
                        SELECT range, count(*), lpad(to_hex(coalesce(bit_xor(h), 0)), 16, '0')
                        FROM (\(items.joined(separator: " UNION ALL "))) AS items GROUP BY range ORDER BY range
                        """)
            ) { rows in
                var ranges: [RangeDigest] = []
                for try await (range, count, digest) in rows.decode((String, Int64, String).self) {
                    ranges.append(RangeDigest(prefix: range, count: count, digest: digest))
                }
                return ranges
            }
            return (served, computed)
        }
    }

    static func expectBucketsMatchRows(_ url: String, _ when: String) async throws {
        let (kept, rows) = (try await kept(url), try await fromRows(url))
        #expect(!rows.isEmpty, "\(when): no records at all")
        #expect(
            kept == rows,
            "\(when): buckets differ from the rows at \(Set(kept.keys).symmetricDifference(rows.keys).union(kept.keys.filter { kept[$0] != rows[$0] }).sorted().prefix(5))"
        )
        let (served, computed) = try await topLevel(url)
        #expect(served == computed, "\(when): top-level digests")
    }

    /// Several ranges asked for at once (`prefixes=`) answer exactly what asking for each alone
    /// does, at every depth: from buckets (up to three digits) and from rows (deeper).
    static func expectBatchedRangesMatchSingleOnes(_ url: String) async throws {
        try await TestDatabase.withClient(url) { client in
            let repository = DigestRepository(
                database: Database(client: client, timeout: .seconds(10), logger: TestDatabase.logger))
            let kinds = RecordKind.allCases
            for length in 0...5 {
                // The prefixes that hold records, and one that holds none.
                let held = try await TestDatabase.strings(
                    url, "SELECT DISTINCT left(md5(name_key), \(length)) FROM lookup_counts ORDER BY 1")
                let empty = String(repeating: "f", count: length)
                let prefixes = Array(Set(held + [empty]).sorted().prefix(RangePlan.maximumPrefixesPerRequest))
                #expect(prefixes.count > 1 || length == 0)
                let batched = try await repository.digests(prefixes: prefixes, kinds: kinds)
                var single: [RangeDigest] = []
                for prefix in prefixes { single += try await repository.digests(prefixes: [prefix], kinds: kinds) }
                #expect(batched == single.sorted { $0.prefix < $1.prefix }, "digests at \(length) digits")
                #expect(!batched.isEmpty)
                func keys(_ changes: [ChangesFeed.Change]) -> [String] {
                    changes.map { "\($0.profile?.nameKey ?? "") \($0.count?.nameKey ?? "") \($0.node?.origin ?? "")" }
                        .sorted()
                }
                let records = try await repository.records(prefixes: prefixes, kinds: kinds, limit: 100_000)
                var each: [ChangesFeed.Change] = []
                for prefix in prefixes {
                    each += try await repository.records(prefixes: [prefix], kinds: kinds, limit: 100_000)
                }
                #expect(keys(records) == keys(each), "records at \(length) digits")
                #expect(records.count == batched.reduce(0) { $0 + Int($1.count) })
            }
        }
    }

    /// A database of 0.3.0 (three-digit buckets, kept by its triggers) is refined in place: every
    /// bucket has four digits and equals the rows, and later writes keep it so.
    @Test func threeDigitBucketsAreRefinedInPlace() async throws {
        let url = try await TestDatabase.create()
        try await TestDatabase.withClient(url) { client in
            var before = Migrator(client: client, logger: TestDatabase.logger)
            before.migrations = Array(Migrations.all.prefix { !($0 is RefineDigestBuckets) })
            try await before.migrate()
            _ = try await client.query(
                """
                INSERT INTO lookup_counts (origin, name_key, count, last_lookup_at)
                SELECT 'o' || (i % 3), 'n' || i, i, now() FROM generate_series(1, 3000) AS i
                """)
            try await Migrator(client: client, logger: TestDatabase.logger).migrate()
        }
        let lengths = try await TestDatabase.strings(url, "SELECT DISTINCT length(bucket)::text FROM digest_buckets")
        #expect(lengths == ["\(RefineDigestBuckets.bucketDigits)"])
        try await Self.expectBucketsMatchRows(url, "after refining")
        try await TestDatabase.withClient(url) { client in
            _ = try await client.query("UPDATE lookup_counts SET count = count + 1 WHERE name_key LIKE 'n1%'")
            _ = try await client.query("DELETE FROM lookup_counts WHERE name_key LIKE 'n2%'")
        }
        try await Self.expectBucketsMatchRows(url, "after writes on the refined buckets")
    }

    /// An update that keeps every row's content (a stored signature, a feed re-stamp) writes no
    /// bucket and no name total (``SkipUnchangedBucketsAndTotals``); one that changes a count
    /// writes its bucket and its name's total, and only those. A row written gets a new row
    /// version (`xmin`).
    @Test func updatesThatKeepTheContentWriteNoBucketOrTotal() async throws {
        let url = try await TestDatabase.createMigrated()
        try await TestDatabase.withClient(url) { client in
            _ = try await client.query(
                """
                INSERT INTO lookup_counts (origin, name_key, count, last_lookup_at)
                SELECT 'o' || (i % 3), 'n' || i, i, now() FROM generate_series(1, 3000) AS i
                """)
            _ = try await client.query(
                """
                INSERT INTO profiles (name_key, display_name, uuid, resolved_at, origin)
                SELECT 'n' || i, 'N' || i, lpad(to_hex(i), 32, '0'), now(), 'o0' FROM generate_series(1, 300) AS i
                """)
            _ = try await client.query(
                """
                INSERT INTO node_records (origin, name, url, software_version, recorded_at)
                SELECT 'node' || i, 'Node ' || i, 'http://node' || i, '0.4.0', now() FROM generate_series(1, 30) AS i
                """)
        }
        let versions = {
            try await TestDatabase.strings(
                url,
                """
                SELECT kind || bucket || ' ' || xmin FROM digest_buckets
                UNION ALL SELECT 't' || name_key || ' ' || xmin FROM name_totals
                """)
        }
        let before = Set(try await versions())
        #expect(before.count > 3000 / 2)
        for kind in RecordKind.allCases {
            try await TestDatabase.withClient(url) { client in
                _ = try await client.query(PostgresQuery(unsafeSQL: "UPDATE \(kind.table) SET seq = seq"))
                _ = try await client.query(PostgresQuery(unsafeSQL: "UPDATE \(kind.table) SET signature = 'signed'"))
            }
        }
        let afterUnchanged = Set(try await versions())
        #expect(
            afterUnchanged == before,
            "\(afterUnchanged.subtracting(before).count) buckets or totals written though no content changed")
        try await Self.expectBucketsMatchRows(url, "after updates that kept the content")

        let changedBucket = try #require(
            try await TestDatabase.strings(url, "SELECT left(md5('n7'), \(RefineDigestBuckets.bucketDigits))").first)
        try await TestDatabase.withClient(url) { client in
            _ = try await client.query("UPDATE lookup_counts SET count = count + 1 WHERE name_key = 'n7'")
        }
        let written = Set(try await versions()).subtracting(afterUnchanged)
        #expect(written.map { $0.split(separator: " ")[0] }.sorted() == ["c\(changedBucket)", "tn7"])
        try await Self.expectBucketsMatchRows(url, "after a count changed")
        let wrongTotals = try await TestDatabase.scalar(
            url,
            """
            SELECT count(*) FROM (
                SELECT name_key, sum(count) AS total, max(last_lookup_at) AS last FROM lookup_counts GROUP BY name_key
            ) AS sums FULL JOIN name_totals t USING (name_key)
            WHERE t.total IS DISTINCT FROM sums.total OR t.last_lookup_at IS DISTINCT FROM sums.last
            """, as: Int64.self)
        #expect(wrongTotals == 0)
    }

    @Test func bucketsEqualDigestsFromScratchAfterWritesMergesPurgesAndARestore() async throws {
        try await withFakeUpstream { upstream in
            var databaseA = ""
            try await withNodes([[:], [:]], upstream: upstream) { nodes in
                let (a, b) = (nodes[0], nodes[1])
                databaseA = a.database
                try a.connect(to: [b])
                try b.connect(to: [a])
                // Lookups on both nodes at once, some names on both: local writes and merges of the
                // other's records interleave in both databases.
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for (node, offset) in [(a, 0), (b, 20), (a, 10), (b, 30)] {
                        group.addTask {
                            for index in offset..<(offset + 25) {
                                let status = try await fetch("\(node.url)/heads/bucket\(index % 40)").status
                                #expect(status == 200)
                            }
                        }
                    }
                    try await group.waitForAll()
                }
                #expect(try await eventually(timeout: .seconds(30)) { try await a.digest() == b.digest() })
                for node in [a, b] { try await Self.expectBucketsMatchRows(node.database, "after writes and merges") }
                try await Self.expectBatchedRangesMatchSingleOnes(a.database)

                // A purge (every record of B's origin on A), as blocking B does.
                let bID = try await b.nodeID()
                let aID = try await a.nodeID()
                try await TestDatabase.withClient(a.database) { client in
                    let database = Database(client: client, timeout: .seconds(10), logger: TestDatabase.logger)
                    let purged = try await TrustRepository(database: database).purge(blocked: [bID], ownID: aID)
                    // Every kind removed is counted: B's counters and its node record.
                    #expect(purged.map(\.origin) == [bID])
                    #expect((purged.first?.removed[.count] ?? 0) > 0)
                    #expect(purged.first?.removed[.node] == 1)
                    #expect(try await TrustRepository(database: database).purges() == purged)
                }
                #expect(
                    try await TestDatabase.scalar(
                        a.database, "SELECT count(*) FROM node_records WHERE origin = \(bID)", as: Int64.self) == 0)
                try await Self.expectBucketsMatchRows(a.database, "after a purge")
            }
            // A restore: the database copied as a dump would bring it back, then a node started on
            // it re-stamps every row for its new feed epoch (an UPDATE of every table).
            let restored = try await TestDatabase.copy(databaseA)
            try await Self.expectBucketsMatchRows(restored, "after a restore")
            let epoch = { try await TestDatabase.scalar(restored, "SELECT epoch FROM feed_epoch", as: String.self) }
            let before = try await epoch()
            try await withNodes([["DATABASE_URL": restored]], upstream: upstream) { nodes in
                #expect(try await epoch() != before)  // so every row was re-stamped
                #expect(try await fetch("\(nodes[0].url)/heads/afterrestore").status == 200)
                try await Self.expectBucketsMatchRows(restored, "after the restored node's epoch and a lookup")
            }
        }
    }
}
