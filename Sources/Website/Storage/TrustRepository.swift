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
    struct Purge: Sendable, Equatable, Codable {
        var origin: String
        var purgedAt: Date
        var countsRemoved: Int64
        var profilesRemoved: Int64
        var reason: String
    }

    /// Removes everything stored of the blocked ids, and of the origins that only blocked
    /// neighbours delivered (never this node's own): their counters, the profiles they won (the
    /// name is resolved again on its next lookup), and heads nothing refers to any more. Returns
    /// one entry per origin that had something removed.
    @discardableResult
    func purge(blocked: [String], ownID: String) async throws -> [Purge] {
        guard !blocked.isEmpty else { return [] }
        return try await database.transaction { [database] connection in
            let rows = try await connection.query(
                """
                WITH blocked AS (SELECT unnest(\(blocked)::text[]) AS id),
                targets AS (
                    SELECT id AS origin, 'blocked' AS reason FROM blocked WHERE id <> \(ownID)
                    UNION
                    SELECT s.origin, 'introduced only by a blocked neighbour' FROM origin_sources s
                    WHERE s.neighbour IN (SELECT id FROM blocked) AND s.origin <> \(ownID)
                      AND s.origin NOT IN (SELECT id FROM blocked)
                      AND NOT EXISTS (
                          SELECT 1 FROM origin_sources t
                          WHERE t.origin = s.origin AND t.neighbour NOT IN (SELECT id FROM blocked))
                ),
                counts AS (DELETE FROM lookup_counts c USING targets t WHERE c.origin = t.origin RETURNING c.origin),
                profiles AS (DELETE FROM profiles p USING targets t WHERE p.origin = t.origin RETURNING p.origin),
                nodes AS (DELETE FROM node_records n USING targets t WHERE n.origin = t.origin),
                tally AS (
                    SELECT t.origin, t.reason,
                           (SELECT count(*) FROM counts c WHERE c.origin = t.origin) AS counts_removed,
                           (SELECT count(*) FROM profiles p WHERE p.origin = t.origin) AS profiles_removed
                    FROM targets t
                ),
                forgotten AS (DELETE FROM origins o USING targets t WHERE o.origin = t.origin),
                sources AS (DELETE FROM origin_sources s USING targets t WHERE s.origin = t.origin)
                INSERT INTO purges (origin, counts_removed, profiles_removed, reason)
                SELECT origin, counts_removed, profiles_removed, reason FROM tally
                WHERE counts_removed > 0 OR profiles_removed > 0
                ON CONFLICT (origin) DO UPDATE SET purged_at = now(),
                    counts_removed = purges.counts_removed + excluded.counts_removed,
                    profiles_removed = purges.profiles_removed + excluded.profiles_removed, reason = excluded.reason
                RETURNING origin, purged_at, counts_removed, profiles_removed, reason
                """, logger: database.logger)
            let purged = try await Self.decodePurges(rows)
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
            "SELECT origin, purged_at, counts_removed, profiles_removed, reason FROM purges ORDER BY purged_at DESC",
            Self.decodePurges)
    }

    /// Rows of (origin, purged_at, counts_removed, profiles_removed, reason).
    @Sendable private static func decodePurges(_ rows: PostgresRowSequence) async throws -> [Purge] {
        var purged: [Purge] = []
        for try await row in rows.decode((String, Date, Int64, Int64, String).self) {
            purged.append(
                Purge(origin: row.0, purgedAt: row.1, countsRemoved: row.2, profilesRemoved: row.3, reason: row.4))
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
    struct Rejections: Sendable, Equatable, Codable {
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
