import Logging
import PostgresNIO

/// Merges a verified batch from a neighbour with one statement per record kind, and moves the
/// neighbour's checkpoint in the same transaction. Only records that win the merge rule are
/// written, so a batch that changes nothing takes no new change sequence value and wakes nobody.
struct MergeRepository {
    let logger: Logger

    /// `timestamptz` from whole microseconds since 1970, exactly (no floating point on the way).
    private static let micros = "timestamptz 'epoch' + (i.micros::text || ' microseconds')::interval"

    struct Outcome: Sendable, Equatable {
        var profilesChanged = 0
        var countsChanged = 0
    }

    /// Merges `batch` and records `checkpoint` for `neighbour`, all in one transaction on `connection`.
    func merge(
        _ batch: MergeBatch, from neighbour: String, checkpoint: FeedPosition, status: PeerRepository.BatchStatus,
        on connection: PostgresConnection
    ) async throws -> Outcome {
        try await connection.withTransaction(logger: logger) { connection in
            var outcome = Outcome()
            if !batch.profiles.isEmpty {
                outcome.profilesChanged = try await mergeProfiles(batch.profiles, on: connection)
            }
            if !batch.counts.isEmpty {
                outcome.countsChanged = try await mergeCounts(batch.counts, on: connection)
            }
            try await PeerRepository.recordBatch(
                neighbour: neighbour, checkpoint: checkpoint, status: status,
                merged: outcome.profilesChanged + outcome.countsChanged, on: connection, logger: logger)
            return outcome
        }
    }

    private func mergeProfiles(
        _ profiles: [ProfileRecord: String], on connection: PostgresConnection
    ) async throws
        -> Int
    {
        let records = Array(profiles)
        let rows = try await connection.query(
            """
            WITH input AS (
                SELECT * FROM unnest(
                    \(records.map(\.key.nameKey))::text[], \(records.map(\.key.displayName))::text[],
                    \(records.map(\.key.uuid))::text[], \(records.map(\.key.resolvedAtMicros))::int8[],
                    \(records.map(\.key.origin))::text[], \(records.map { $0.key.avatarSHA256 ?? "" })::text[],
                    \(records.map(\.value))::text[]
                ) AS i(name_key, display_name, uuid, micros, origin, avatar, signature)
            ), candidates AS (
                SELECT i.name_key, i.display_name, i.uuid, \(unescaped: Self.micros) AS resolved_at, i.origin,
                       nullif(i.avatar, '') AS avatar_sha256, i.signature
                FROM input i
            ), winners AS (
                SELECT c.* FROM candidates c LEFT JOIN profiles p ON p.name_key = c.name_key
                WHERE p.name_key IS NULL
                   OR (c.resolved_at, c.origin, coalesce(c.avatar_sha256, ''))
                      > (p.resolved_at, p.origin, coalesce(p.avatar_sha256, ''))
            )
            INSERT INTO profiles (name_key, display_name, uuid, resolved_at, origin, avatar_sha256, signature)
            SELECT * FROM winners
            ON CONFLICT (name_key) DO UPDATE SET
                display_name = excluded.display_name, uuid = excluded.uuid, resolved_at = excluded.resolved_at,
                origin = excluded.origin, avatar_sha256 = excluded.avatar_sha256, signature = excluded.signature,
                seq = excluded.seq, xid = excluded.xid
            WHERE (excluded.resolved_at, excluded.origin, coalesce(excluded.avatar_sha256, ''))
                > (profiles.resolved_at, profiles.origin, coalesce(profiles.avatar_sha256, ''))
            RETURNING 1
            """, logger: logger)
        return try await rows.collect().count
    }

    private func mergeCounts(_ counts: [CountRecord: String], on connection: PostgresConnection) async throws -> Int {
        let records = Array(counts)
        let rows = try await connection.query(
            """
            WITH input AS (
                SELECT * FROM unnest(
                    \(records.map(\.key.origin))::text[], \(records.map(\.key.nameKey))::text[],
                    \(records.map(\.key.count))::int8[], \(records.map(\.key.lastLookupAtMicros))::int8[],
                    \(records.map(\.value))::text[]
                ) AS i(origin, name_key, count, micros, signature)
            ), winners AS (
                SELECT i.origin, i.name_key, i.count, \(unescaped: Self.micros) AS last_lookup_at, i.signature
                FROM input i LEFT JOIN lookup_counts c ON c.origin = i.origin AND c.name_key = i.name_key
                WHERE c.origin IS NULL
                   OR (i.count, \(unescaped: Self.micros)) > (c.count, c.last_lookup_at)
            )
            INSERT INTO lookup_counts (origin, name_key, count, last_lookup_at, signature)
            SELECT * FROM winners
            ON CONFLICT (origin, name_key) DO UPDATE SET
                count = excluded.count, last_lookup_at = excluded.last_lookup_at, signature = excluded.signature,
                seq = excluded.seq, xid = excluded.xid
            WHERE (excluded.count, excluded.last_lookup_at) > (lookup_counts.count, lookup_counts.last_lookup_at)
            RETURNING 1
            """, logger: logger)
        return try await rows.collect().count
    }
}
