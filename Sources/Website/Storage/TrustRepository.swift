import Foundation
import Logging
import PostgresNIO
import SyncProtocol

/// What the trust rules keep in the database: which neighbour introduced which origin (limits),
/// rejections by reason, and the blocklist's purges.
struct TrustRepository {
    let database: Database

    /// Origins that `neighbour` introduced to this node within the last hour.
    func originsIntroducedLastHour(by neighbour: String) async throws -> Int {
        Int(
            try await database.values(
                """
                SELECT count(*) FROM origins
                WHERE first_neighbour = \(neighbour) AND first_seen_at > now() - interval '1 hour'
                """, as: Int64.self
            ).first ?? 0)
    }

    /// Which of these origins this node has never stored anything of.
    func unknownOrigins(_ origins: [String]) async throws -> Set<String> {
        guard !origins.isEmpty else { return [] }
        return Set(
            try await database.values(
                """
                SELECT o FROM unnest(\(origins)::text[]) AS o WHERE NOT EXISTS (SELECT 1 FROM origins WHERE origin = o)
                """, as: String.self))
    }

    /// What a purge removed.
    struct Purge: Sendable, Equatable {
        var origin: String
        var purgedAt: Date
        /// Rows removed of each kind (every kind present, zero when none).
        var removed: [RecordKind: Int64]
        var reason: String
    }

    /// Removes everything stored of the blocked ids, and of the origins that only blocked
    /// neighbours delivered (never this node's own): their records of every kind (a name whose
    /// profile is removed is resolved again on its next lookup), and heads nothing refers to any
    /// more. Returns one entry per origin that had something removed.
    @discardableResult
    func purge(blocked: [String], ownID: String) async throws -> [Purge] {
        guard !blocked.isEmpty else { return [] }
        let kinds = RecordKind.allCases
        // Per kind: its rows of the targets deleted, and their number in the tally.
        let deletes = kinds.map { kind in
            "removed_\(kind.letter) AS (DELETE FROM \(kind.table) x USING targets t WHERE x.origin = t.origin RETURNING x.origin)"
        }.joined(separator: ",\n")
        let tallies = kinds.map { kind in
            "(SELECT count(*) FROM removed_\(kind.letter) r WHERE r.origin = t.origin) AS \(kind.purgedColumn)"
        }.joined(separator: ", ")
        let columns = kinds.map(\.purgedColumn)
        var query = PostgresQuery(
            unsafeSQL: """
                WITH blocked AS (SELECT unnest($1::text[]) AS id),
                targets AS (
                    SELECT id AS origin, 'blocked' AS reason FROM blocked WHERE id <> $2
                    UNION
                    SELECT s.origin, 'introduced only by a blocked neighbour' FROM origin_sources s
                    WHERE s.neighbour IN (SELECT id FROM blocked) AND s.origin <> $2
                      AND s.origin NOT IN (SELECT id FROM blocked)
                      AND NOT EXISTS (
                          SELECT 1 FROM origin_sources t
                          WHERE t.origin = s.origin AND t.neighbour NOT IN (SELECT id FROM blocked))
                ),
                \(deletes),
                tally AS (SELECT t.origin, t.reason, \(tallies) FROM targets t),
                forgotten AS (DELETE FROM origins o USING targets t WHERE o.origin = t.origin),
                sources AS (DELETE FROM origin_sources s USING targets t WHERE s.origin = t.origin)
                INSERT INTO purges (origin, reason, \(columns.joined(separator: ", ")))
                SELECT origin, reason, \(columns.joined(separator: ", ")) FROM tally
                WHERE \(columns.map { "\($0) > 0" }.joined(separator: " OR "))
                ON CONFLICT (origin) DO UPDATE SET purged_at = now(), reason = excluded.reason,
                    \(columns.map { "\($0) = purges.\($0) + excluded.\($0)" }.joined(separator: ", "))
                RETURNING \(Self.purgeColumns)
                """)
        query.binds.append(blocked)
        query.binds.append(ownID)
        return try await database.transaction { [database, query] connection in
            let purged = try await Self.decodePurges(try await connection.query(query, logger: database.logger))
            // Heads that no profile names and this node did not link itself.
            try await connection.query(
                """
                DELETE FROM avatars a
                WHERE NOT EXISTS (SELECT 1 FROM profiles p WHERE p.avatar_sha256 = a.sha256)
                  AND NOT EXISTS (SELECT 1 FROM player_heads h WHERE h.sha256 = a.sha256)
                """, logger: database.logger)
            return purged
        }
    }

    func purges() async throws -> [Purge] {
        try await database.query(
            PostgresQuery(unsafeSQL: "SELECT \(Self.purgeColumns) FROM purges ORDER BY purged_at DESC"),
            Self.decodePurges)
    }

    /// A purge's columns: origin, purged_at, reason, then each kind's count in ``RecordKind`` order.
    private static var purgeColumns: String {
        (["origin", "purged_at", "reason"] + RecordKind.allCases.map(\.purgedColumn)).joined(separator: ", ")
    }

    /// Rows of ``purgeColumns``.
    @Sendable private static func decodePurges(_ rows: PostgresRowSequence) async throws -> [Purge] {
        var purged: [Purge] = []
        for try await row in rows {
            let cells = row.makeRandomAccess()
            var removed: [RecordKind: Int64] = [:]
            for (offset, kind) in RecordKind.allCases.enumerated() {
                removed[kind] = try cells[3 + offset].decode(Int64.self)
            }
            purged.append(
                Purge(
                    origin: try cells[0].decode(String.self), purgedAt: try cells[1].decode(Date.self),
                    removed: removed, reason: try cells[2].decode(String.self)))
        }
        return purged
    }

    /// For each neighbour, the origins it delivered (this node's own and the neighbours' own left out).
    func originsByNeighbour() async throws -> [String: [String]] {
        try await database.query(
            """
            SELECT neighbour, array_agg(origin ORDER BY origin) FROM origin_sources
            WHERE origin <> neighbour GROUP BY neighbour
            """
        ) { rows in
            var result: [String: [String]] = [:]
            for try await (neighbour, origins) in rows.decode((String, [String]).self) { result[neighbour] = origins }
            return result
        }
    }

    /// Rejected records, per neighbour and reason.
    struct Rejections: Sendable, Equatable {
        var neighbour: String
        var reason: String
        var total: Int64
    }

    func rejections() async throws -> [Rejections] {
        try await database.query(
            "SELECT neighbour, reason, total FROM rejections ORDER BY neighbour, reason"
        ) { rows in
            var result: [Rejections] = []
            for try await (neighbour, reason, total) in rows.decode((String, String, Int64).self) {
                result.append(Rejections(neighbour: neighbour, reason: reason, total: total))
            }
            return result
        }
    }
}
