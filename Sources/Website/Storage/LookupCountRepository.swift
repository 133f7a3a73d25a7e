import Foundation
import Logging
import PostgresNIO
import SyncProtocol

/// The grow-only lookup counters, and the listings built from them.
struct LookupCountRepository {
    let database: Database

    /// A name on a listing: its best-known profile and its federation-wide count.
    struct HeadSummary: Sendable, Equatable {
        var nameKey: String
        /// The profile's display name, or the name key while this node has no profile for it.
        var displayName: String
        /// nil while this node has no profile for the name (its counts arrived, its profile not
        /// yet, or was refused): the name is listed all the same.
        var uuid: String?
        var total: Int64
        var lastLookupAt: Date
    }

    /// Counts one lookup served by `origin` and returns every origin's counter for the name,
    /// in one statement: the increment is atomic in PostgreSQL, so concurrent replicas lose nothing.
    func recordLookup(origin: String, nameKey: String) async throws -> [HeadCounts.NodeCount] {
        try await database.query(
            """
            WITH bumped AS (
                INSERT INTO lookup_counts AS c (origin, name_key, count, last_lookup_at)
                VALUES (\(origin), \(nameKey), 1, now())
                ON CONFLICT (origin, name_key) DO UPDATE
                    SET count = c.count + 1, last_lookup_at = now(), \(unescaped: FeedStamp.onConflict)
                RETURNING origin, count
            )
            SELECT origin, count FROM bumped
            UNION ALL
            SELECT origin, count FROM lookup_counts WHERE name_key = \(nameKey) AND origin <> \(origin)
            """, Self.nodeCounts)
    }

    /// The cached-page fast path for a batch of lookups (``LookupBatcher``), in one statement:
    /// each name (a name may come several times) that has a fresh profile
    /// (``Profile/freshnessCutoff(at:maximumAge:)``) naming its head is counted as often as it was
    /// looked up, and its profile and every origin's counter are returned; names without such a profile are counted nothing and
    /// missing from the answer (their callers resolve them). One statement, one commit and one
    /// notification for the whole batch.
    func recordLookupsIfFresh(
        origin: String, nameKeys: [String], maximumAge: Duration
    ) async throws -> [String: (Profile, [HeadCounts.NodeCount])] {
        let rows = try await database.execute(
            RecordLookupsStatement(
                origin: origin, nameKeys: nameKeys,
                freshAfter: Profile.freshnessCutoff(at: Date(), maximumAge: maximumAge)))
        var found: [String: (Profile, [HeadCounts.NodeCount])] = [:]
        for (name, display, uuid, resolved, profileOrigin, avatar, origins, counts) in rows {
            let profile = Profile(
                nameKey: name, displayName: display, uuid: uuid, resolvedAt: resolved, origin: profileOrigin,
                avatarSHA256: avatar)
            found[name] = (profile, zip(origins, counts).map { HeadCounts.NodeCount(origin: $0, count: $1) })
        }
        return found
    }

    /// The statement of ``recordLookupsIfFresh(origin:nameKeys:maximumAge:)``, prepared once per
    /// connection: it runs once per batch on the busiest path, and parsing and planning it anew
    /// each time was most of PostgreSQL's work there.
    struct RecordLookupsStatement: PostgresPreparedStatement {
        static let name = "record_lookups_if_fresh_v2"
        static let sql = """
            WITH asked AS (
                SELECT name_key, count(*) AS n FROM unnest($2::text[]) AS a(name_key) GROUP BY name_key
            ), fresh AS (
                SELECT p.name_key, p.display_name, p.uuid, p.resolved_at, p.origin, p.avatar_sha256, a.n
                FROM profiles p JOIN asked a USING (name_key)
                WHERE p.avatar_sha256 IS NOT NULL AND p.resolved_at > $3::timestamptz
            ), bumped AS (
                INSERT INTO lookup_counts AS c (origin, name_key, count, last_lookup_at)
                SELECT $1::text, name_key, n, now() FROM fresh ORDER BY name_key
                ON CONFLICT (origin, name_key) DO UPDATE
                    SET count = c.count + excluded.count, last_lookup_at = now(), \(FeedStamp.onConflict)
                RETURNING name_key, origin, count
            ), others AS (
                SELECT name_key, array_agg(origin) AS origins, array_agg(count) AS counts
                FROM lookup_counts WHERE name_key IN (SELECT name_key FROM fresh) AND origin <> $1::text
                GROUP BY name_key
            )
            SELECT f.name_key, f.display_name, f.uuid, f.resolved_at, f.origin, f.avatar_sha256,
                   array_append(coalesce(o.origins, '{}'), b.origin), array_append(coalesce(o.counts, '{}'), b.count)
            FROM fresh f JOIN bumped b USING (name_key) LEFT JOIN others o USING (name_key)
            """
        typealias Row = (String, String, String, Date, String, String?, [String], [Int64])

        var origin: String
        var nameKeys: [String]
        /// ``Profile/freshnessCutoff(at:maximumAge:)``: profiles resolved after it are fresh.
        var freshAfter: Date

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings()
            bindings.append(origin)
            bindings.append(nameKeys)
            bindings.append(freshAfter)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
    }

    /// Every origin's counter for each of `nameKeys`, in one statement (names without counters
    /// are absent).
    func counts(nameKeys: [String]) async throws -> [String: [HeadCounts.NodeCount]] {
        try await database.query(
            "SELECT name_key, origin, count FROM lookup_counts WHERE name_key = ANY(\(nameKeys))"
        ) { rows in
            var counts: [String: [HeadCounts.NodeCount]] = [:]
            for try await (name, origin, count) in rows.decode((String, String, Int64).self) {
                counts[name, default: []].append(.init(origin: origin, count: count))
            }
            return counts
        }
    }

    func counts(nameKey: String) async throws -> [HeadCounts.NodeCount] {
        try await database.query(
            "SELECT origin, count FROM lookup_counts WHERE name_key = \(nameKey)", Self.nodeCounts)
    }

    /// The names looked up most on any node (from the maintained `name_totals`).
    func mostLookedUp(limit: Int) async throws -> [HeadSummary] {
        try await headSummaries(orderedBy: "t.total DESC, t.name_key", limit: limit)
    }

    /// The names looked up most recently on any node (from the maintained `name_totals`).
    func recentlyLookedUp(limit: Int) async throws -> [HeadSummary] {
        try await headSummaries(orderedBy: "t.last_lookup_at DESC", limit: limit)
    }

    /// The front page's lists: one query, in the order given (a constant of this file, never input).
    private func headSummaries(orderedBy order: String, limit: Int) async throws -> [HeadSummary] {
        try await database.query(
            """
            SELECT t.name_key, coalesce(p.display_name, t.name_key), p.uuid,
                   least(t.total, 9223372036854775807)::bigint, t.last_lookup_at
            FROM name_totals t LEFT JOIN profiles p ON p.name_key = t.name_key
            ORDER BY \(unescaped: order)
            LIMIT \(limit)
            """, Self.summaries)
    }

    @Sendable private static func nodeCounts(_ rows: PostgresRowSequence) async throws -> [HeadCounts.NodeCount] {
        var counts: [HeadCounts.NodeCount] = []
        for try await (origin, count) in rows.decode((String, Int64).self) {
            counts.append(.init(origin: origin, count: count))
        }
        return counts
    }

    @Sendable private static func summaries(_ rows: PostgresRowSequence) async throws -> [HeadSummary] {
        var result: [HeadSummary] = []
        for try await (nameKey, displayName, uuid, total, last) in rows.decode(
            (String, String, String?, Int64, Date).self)
        {
            result.append(
                .init(nameKey: nameKey, displayName: displayName, uuid: uuid, total: total, lastLookupAt: last))
        }
        return result
    }
}
