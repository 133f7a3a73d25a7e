import Logging
import PostgresNIO
import SyncProtocol

/// Merges a verified batch from a neighbour with one statement per record kind, and moves the
/// neighbour's checkpoint in the same transaction. Only records that win the merge rule are
/// written, so a batch that changes nothing takes no new change sequence value and wakes nobody.
///
/// Every comparison of text that decides a merge uses `COLLATE "C"` (byte order), the order the
/// Swift rules in ``ProfileRecord/wins(over:)`` use, whatever the database's default collation.
struct MergeRepository {
    let logger: Logger

    /// `timestamptz` from whole microseconds since 1970, exactly (no floating point on the way).
    private static let micros = "timestamptz 'epoch' + (i.micros::text || ' microseconds')::interval"

    struct Outcome: Sendable, Equatable {
        var profilesChanged = 0
        var countsChanged = 0
        var nodesChanged = 0
        var changed: Int { profilesChanged + countsChanged + nodesChanged }
    }

    /// The merge found that this replica no longer holds the neighbour (its lease ran out and
    /// another replica took over), or that the checkpoint moved meanwhile: nothing was written.
    struct LeaseLost: Error, CustomStringConvertible {
        var description: String { "another replica of this node took over the neighbour" }
    }

    /// Merges `batch` and records `checkpoint` for `neighbour`, inside the caller's transaction on
    /// `connection`, provided this replica (`holder`) still holds the neighbour and its checkpoint
    /// is still `previous`.
    func merge(
        _ batch: MergeBatch, from neighbour: String, holder: String, after previous: FeedPosition,
        checkpoint: FeedPosition, status: PeerRepository.BatchStatus, on connection: PostgresConnection
    ) async throws -> Outcome {
        do {
            let rows = try await connection.query(
                """
                SELECT checkpoint FROM peers
                WHERE node_id = \(neighbour) AND lease_holder = \(holder) AND lease_until > now()
                FOR UPDATE
                """, logger: logger)
            var stored: String?
            for try await text in rows.decode(String.self) { stored = text }
            guard let stored, (FeedPosition(stored) ?? .beginning) == previous else { throw LeaseLost() }

            let outcome = try await mergeRecords(batch, from: neighbour, on: connection)
            try await PeerRepository.recordBatch(
                neighbour: neighbour, checkpoint: checkpoint, status: status,
                merged: outcome.changed, on: connection, logger: logger)
            return outcome
        }
    }

    /// Whether `error` is a ``LeaseLost``, as thrown or wrapped by a transaction.
    static func isLeaseLost(_ error: any Error) -> Bool {
        if error is LeaseLost { return true }
        if let failed = error as? PostgresTransactionError, let inner = failed.closureError {
            return isLeaseLost(inner)
        }
        return false
    }

    /// Merges the records of `batch` (inside the caller's transaction), noting which neighbour
    /// delivered each origin.
    func mergeRecords(
        _ batch: MergeBatch, from neighbour: String, on connection: PostgresConnection
    ) async throws
        -> Outcome
    {
        var outcome = Outcome()
        let origins = Set(batch.profiles.keys.map(\.origin)).union(batch.counts.keys.map(\.origin))
            .union(batch.nodes.keys.map(\.origin))
        if !origins.isEmpty {
            try await recordOrigins(Array(origins), from: neighbour, on: connection)
        }
        if !batch.profiles.isEmpty {
            outcome.profilesChanged = try await mergeProfiles(batch.profiles, on: connection)
        }
        if !batch.counts.isEmpty {
            outcome.countsChanged = try await mergeCounts(batch.counts, on: connection)
        }
        if !batch.nodes.isEmpty {
            outcome.nodesChanged = try await mergeNodes(batch.nodes, on: connection)
        }
        return outcome
    }

    /// Notes which neighbour delivered each origin, and which one delivered it first.
    private func recordOrigins(
        _ origins: [String], from neighbour: String, on connection: PostgresConnection
    )
        async throws
    {
        try await connection.query(
            """
            WITH input AS (SELECT unnest(\(origins)::text[]) AS origin),
            sources AS (
                INSERT INTO origin_sources (origin, neighbour) SELECT origin, \(neighbour) FROM input
                ON CONFLICT DO NOTHING
            )
            INSERT INTO origins (origin, first_neighbour) SELECT origin, \(neighbour) FROM input
            ON CONFLICT DO NOTHING
            """, logger: logger)
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
                WHERE p.name_key IS NULL OR \(unescaped: Self.profileWins("c", over: "p"))
            )
            INSERT INTO profiles (name_key, display_name, uuid, resolved_at, origin, avatar_sha256, signature)
            SELECT * FROM winners
            ON CONFLICT (name_key) DO UPDATE SET
                display_name = excluded.display_name, uuid = excluded.uuid, resolved_at = excluded.resolved_at,
                origin = excluded.origin, avatar_sha256 = excluded.avatar_sha256, signature = excluded.signature,
                seq = excluded.seq, xid = excluded.xid
            WHERE \(unescaped: Self.profileWins("excluded", over: "profiles"))
            RETURNING 1
            """, logger: logger)
        return try await rows.collect().count
    }

    /// SQL for ``ProfileRecord/wins(over:)``: (`resolvedAt`, origin, avatar), then the canonical
    /// bytes, which for two valid records equal so far differ first in (display name, uuid): both
    /// are made of bytes above the newline that separates the fields, so comparing the pair in
    /// byte order is comparing the bytes.
    static func profileWins(_ new: String, over old: String) -> String {
        """
        (\(new).resolved_at, \(new).origin COLLATE "C", coalesce(\(new).avatar_sha256, '') COLLATE "C",
         \(new).display_name COLLATE "C", \(new).uuid COLLATE "C")
        > (\(old).resolved_at, \(old).origin COLLATE "C", coalesce(\(old).avatar_sha256, '') COLLATE "C",
           \(old).display_name COLLATE "C", \(old).uuid COLLATE "C")
        """
    }

    /// Node records: the last by time wins, then (name, url, version) in byte order (see
    /// ``NodeRecord/wins(over:)``).
    private func mergeNodes(_ nodes: [NodeRecord: String], on connection: PostgresConnection) async throws -> Int {
        let records = Array(nodes)
        let rows = try await connection.query(
            """
            WITH input AS (
                SELECT * FROM unnest(
                    \(records.map(\.key.origin))::text[], \(records.map(\.key.name))::text[],
                    \(records.map { $0.key.url ?? "" })::text[], \(records.map(\.key.softwareVersion))::text[],
                    \(records.map(\.key.recordedAtMicros))::int8[], \(records.map(\.value))::text[]
                ) AS i(origin, name, url, version, micros, signature)
            ), candidates AS (
                SELECT i.origin, i.name, nullif(i.url, '') AS url, i.version AS software_version,
                       \(unescaped: Self.micros) AS recorded_at, i.signature
                FROM input i
            ), winners AS (
                -- Only winners are inserted: a proposed row takes a sequence value even when it loses.
                SELECT c.* FROM candidates c LEFT JOIN node_records n ON n.origin = c.origin
                WHERE n.origin IS NULL OR \(unescaped: Self.nodeWins("c", over: "n"))
            )
            INSERT INTO node_records AS n (origin, name, url, software_version, recorded_at, signature)
            SELECT * FROM winners
            ON CONFLICT (origin) DO UPDATE SET
                name = excluded.name, url = excluded.url, software_version = excluded.software_version,
                recorded_at = excluded.recorded_at, signature = excluded.signature, seq = excluded.seq, xid = excluded.xid
            WHERE \(unescaped: Self.nodeWins("excluded", over: "n"))
            RETURNING 1
            """, logger: logger)
        return try await rows.collect().count
    }

    /// SQL for ``NodeRecord/wins(over:)``.
    static func nodeWins(_ new: String, over old: String) -> String {
        """
        (\(new).recorded_at, \(new).name COLLATE "C", coalesce(\(new).url, '') COLLATE "C", \(new).software_version COLLATE "C")
        > (\(old).recorded_at, \(old).name COLLATE "C", coalesce(\(old).url, '') COLLATE "C", \(old).software_version COLLATE "C")
        """
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
