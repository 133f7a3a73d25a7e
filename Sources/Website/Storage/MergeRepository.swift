import Logging
import PostgresNIO
import SyncProtocol

/// Merges a verified batch from a neighbour, and moves the neighbour's checkpoint, in one
/// statement (atomic without a transaction: one round trip). Only records that win the merge
/// rule are written, so a batch that changes nothing takes no new change sequence value and wakes
/// nobody.
///
/// Every comparison of text that decides a merge uses `COLLATE "C"` (byte order), the order the
/// Swift rules in ``ProfileRecord/wins(over:)`` use, whatever the database's default collation.
struct MergeRepository: Sendable {
    let database: Database
    let logger: Logger

    /// `logger` is the database's unless given (a puller's names its neighbour).
    init(database: Database, logger: Logger? = nil) {
        self.database = database
        self.logger = logger ?? database.logger
    }

    /// `timestamptz` from whole microseconds since 1970, exactly (no floating point on the way).
    static let micros = "timestamptz 'epoch' + (i.micros::text || ' microseconds')::interval"

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

    /// The merge statement answered no row (it always answers one): nothing is known of what it did.
    struct NoAnswer: Error, CustomStringConvertible {
        var description: String { "the merge statement answered no row" }
    }

    /// Merges `batch` and records `checkpoint` for `neighbour` (one statement, no transaction
    /// needed), provided this replica (`holder`) still holds the neighbour and its stored
    /// checkpoint is still `previous` (the text as stored); otherwise writes nothing and throws
    /// ``LeaseLost``. The check is part of the merge statement: a separate check needed a
    /// transaction, four round trips where one does.
    func merge(
        _ batch: MergeBatch, from neighbour: String, holder: String, after previous: String,
        checkpoint: FeedPosition, status: NeighbourRepository.BatchStatus
    ) async throws -> Outcome {
        try await run(
            MergeStatement(
                batch: batch, neighbour: neighbour, rejected: status.rejected, checkpoint: checkpoint, status: status,
                lease: (holder, previous)))
    }

    /// Merges the records of `batch`, notes which neighbour delivered each origin (and which one
    /// first), adds `rejected` to the neighbour's rejection totals and, given a `checkpoint`,
    /// moves it with the batch's status: one statement (one round trip, whatever the batch holds;
    /// its parts touch different tables, so none needs to see another's writes). Only records
    /// that win are written.
    func mergeRecords(
        _ batch: MergeBatch, from neighbour: String, rejected: [String: Int],
        checkpoint: (position: FeedPosition, status: NeighbourRepository.BatchStatus)?
    ) async throws -> Outcome {
        try await run(
            MergeStatement(
                batch: batch, neighbour: neighbour, rejected: rejected, checkpoint: checkpoint?.position,
                status: checkpoint?.status, lease: nil))
    }

    private func run(_ statement: MergeStatement) async throws -> Outcome {
        var outcome: Outcome?
        let logger = logger
        // One statement: aborted over a lock conflict (name totals of a lookup), it changed nothing.
        let rows = try await database.withConnection { connection in
            try await Database.retryingLockConflicts(logger: logger) {
                try await connection.executeCollecting(statement, logger: logger)
            }
        }
        for (profiles, counts, nodes, allowed) in rows {
            guard allowed else { throw LeaseLost() }
            outcome = Outcome(profilesChanged: Int(profiles), countsChanged: Int(counts), nodesChanged: Int(nodes))
        }
        guard let outcome else { throw NoAnswer() }
        return outcome
    }

    /// The statement of ``mergeRecords(_:from:rejected:checkpoint:on:)``, prepared once per
    /// connection: planning it anew took most of a merge's time on the database (a merge is a
    /// step of every hop a change takes through the federation). Rows are written in key order,
    /// so that two merges of overlapping batches (pullers of two neighbours relaying the same
    /// records) lock them in the same order instead of deadlocking. Given a lease (``P/leaseHolder``, ``P/leaseCheckpoint``),
    /// every write is conditional on it: the neighbour's row is locked and checked first, and
    /// nothing is written when this replica no longer holds it or the checkpoint moved.
    struct MergeStatement: PostgresPreparedStatement {
        /// The statement's parameters, by name (``NamedBindings``): the SQL names each, and
        /// ``makeBindings()`` sets each by name.
        enum P: StatementParameter {
            case origins
            case neighbour
            case profileNameKeys
            case profileDisplayNames
            case profileUUIDs
            case profileMicros
            case profileOrigins
            case profileAvatars
            case profileSignatures
            case countOrigins
            case countNameKeys
            case countCounts
            case countMicros
            case countSignatures
            case nodeOrigins
            case nodeNames
            case nodeURLs
            case nodeVersions
            case nodeMicros
            case nodeSignatures
            case rejectionReasons
            case rejectionTotals
            case checkpoint
            case epoch
            case state
            case stateReason
            case lag
            case rejectedTotal
            case movesCheckpoint
            case leaseHolder
            case leaseCheckpoint

            var sqlType: String {
                switch self {
                case .origins, .profileNameKeys, .profileDisplayNames, .profileUUIDs, .profileOrigins, .profileAvatars,
                    .profileSignatures, .countOrigins, .countNameKeys, .countSignatures, .nodeOrigins, .nodeNames,
                    .nodeURLs, .nodeVersions, .nodeSignatures, .rejectionReasons:
                    "text[]"
                case .profileMicros, .countCounts, .countMicros, .nodeMicros, .rejectionTotals: "int8[]"
                case .neighbour, .checkpoint, .epoch, .state, .stateReason, .leaseHolder, .leaseCheckpoint: "text"
                case .lag, .rejectedTotal: "int8"
                case .movesCheckpoint: "bool"
                }
            }
        }

        static let name = "merge_records_v2"
        typealias Row = (Int64, Int64, Int64, Bool)
        static let sql = """
                WITH lease AS (
                    SELECT node_id FROM peers
                    WHERE node_id = \(P.neighbour) AND lease_holder = \(P.leaseHolder) AND lease_until > now()
                      AND checkpoint = \(P.leaseCheckpoint)
                    FOR UPDATE
                ), allowed AS (
                    SELECT \(P.leaseHolder) IS NULL OR EXISTS (SELECT 1 FROM lease) AS ok
                ), origin_input AS (SELECT unnest(\(P.origins)) AS origin WHERE (SELECT ok FROM allowed)),
                sources AS (
                    INSERT INTO origin_sources (origin, neighbour) SELECT origin, \(P.neighbour) FROM origin_input ORDER BY origin
                    ON CONFLICT DO NOTHING
                ), first_seen AS (
                    INSERT INTO origins (origin, first_neighbour) SELECT origin, \(P.neighbour) FROM origin_input ORDER BY origin
                    ON CONFLICT DO NOTHING
                ), profile_input AS (
                    SELECT * FROM unnest(
                        \(P.profileNameKeys), \(P.profileDisplayNames),
                        \(P.profileUUIDs), \(P.profileMicros),
                        \(P.profileOrigins), \(P.profileAvatars),
                        \(P.profileSignatures)
                    ) AS i(name_key, display_name, uuid, micros, origin, avatar, signature)
                    WHERE (SELECT ok FROM allowed)
                ), profile_candidates AS (
                    SELECT i.name_key, i.display_name, i.uuid, \(MergeRepository.micros) AS resolved_at, i.origin,
                           nullif(i.avatar, '') AS avatar_sha256, i.signature
                    FROM profile_input i
                ), profile_winners AS (
                    SELECT c.* FROM profile_candidates c LEFT JOIN profiles p ON p.name_key = c.name_key
                    WHERE p.name_key IS NULL OR \(MergeRepository.profileWins("c", over: "p"))
                ), profiles_merged AS (
                    INSERT INTO profiles (name_key, display_name, uuid, resolved_at, origin, avatar_sha256, signature)
                    SELECT * FROM profile_winners ORDER BY name_key
                    ON CONFLICT (name_key) DO UPDATE SET
                        display_name = excluded.display_name, uuid = excluded.uuid, resolved_at = excluded.resolved_at,
                        origin = excluded.origin, avatar_sha256 = excluded.avatar_sha256, signature = excluded.signature,
                        seq = excluded.seq, xid = excluded.xid
                    WHERE \(MergeRepository.profileWins("excluded", over: "profiles"))
                    RETURNING 1
                ), count_input AS (
                    SELECT * FROM unnest(
                        \(P.countOrigins), \(P.countNameKeys),
                        \(P.countCounts), \(P.countMicros),
                        \(P.countSignatures)
                    ) AS i(origin, name_key, count, micros, signature)
                    WHERE (SELECT ok FROM allowed)
                ), count_winners AS (
                    SELECT i.origin, i.name_key, i.count, \(MergeRepository.micros) AS last_lookup_at, i.signature
                    FROM count_input i LEFT JOIN lookup_counts c ON c.origin = i.origin AND c.name_key = i.name_key
                    WHERE c.origin IS NULL
                       OR (i.count, \(MergeRepository.micros)) > (c.count, c.last_lookup_at)
                ), counts_merged AS (
                    INSERT INTO lookup_counts (origin, name_key, count, last_lookup_at, signature)
                    SELECT * FROM count_winners ORDER BY origin, name_key
                    ON CONFLICT (origin, name_key) DO UPDATE SET
                        count = excluded.count, last_lookup_at = excluded.last_lookup_at, signature = excluded.signature,
                        seq = excluded.seq, xid = excluded.xid
                    WHERE (excluded.count, excluded.last_lookup_at) > (lookup_counts.count, lookup_counts.last_lookup_at)
                    RETURNING 1
                ), node_input AS (
                    SELECT * FROM unnest(
                        \(P.nodeOrigins), \(P.nodeNames),
                        \(P.nodeURLs), \(P.nodeVersions),
                        \(P.nodeMicros), \(P.nodeSignatures)
                    ) AS i(origin, name, url, version, micros, signature)
                    WHERE (SELECT ok FROM allowed)
                ), node_candidates AS (
                    SELECT i.origin, i.name, nullif(i.url, '') AS url, i.version AS software_version,
                           \(MergeRepository.micros) AS recorded_at, i.signature
                    FROM node_input i
                ), node_winners AS (
                    -- Only winners are inserted: a proposed row takes a sequence value even when it loses.
                    SELECT c.* FROM node_candidates c LEFT JOIN node_records n ON n.origin = c.origin
                    WHERE n.origin IS NULL OR \(MergeRepository.nodeWins("c", over: "n"))
                ), nodes_merged AS (
                    INSERT INTO node_records AS n (origin, name, url, software_version, recorded_at, signature)
                    SELECT * FROM node_winners ORDER BY origin
                    ON CONFLICT (origin) DO UPDATE SET
                        name = excluded.name, url = excluded.url, software_version = excluded.software_version,
                        recorded_at = excluded.recorded_at, signature = excluded.signature, seq = excluded.seq,
                        xid = excluded.xid
                    WHERE \(MergeRepository.nodeWins("excluded", over: "n"))
                    RETURNING 1
                ), rejections_added AS (
                    INSERT INTO rejections (neighbour, reason, total)
                    SELECT \(P.neighbour), r, n
                    FROM unnest(\(P.rejectionReasons), \(P.rejectionTotals)) AS x(r, n)
                    WHERE (SELECT ok FROM allowed)
                    ON CONFLICT (neighbour, reason) DO UPDATE SET total = rejections.total + excluded.total, last_at = now()
                ), changed AS (
                    SELECT (SELECT count(*) FROM profiles_merged) AS profiles, (SELECT count(*) FROM counts_merged) AS counts,
                           (SELECT count(*) FROM nodes_merged) AS nodes
                ), moved AS (
                    UPDATE peers SET checkpoint = \(P.checkpoint), checkpoint_epoch = \(P.epoch),
                        state = \(P.state), state_reason = \(P.stateReason), last_success_at = now(),
                        lag = \(P.lag), merged_total = merged_total + (SELECT profiles + counts + nodes FROM changed),
                        rejected_total = rejected_total + \(P.rejectedTotal)
                    WHERE node_id = \(P.neighbour) AND \(P.movesCheckpoint) AND (SELECT ok FROM allowed)
                )
                SELECT profiles, counts, nodes, (SELECT ok FROM allowed) FROM changed
            """

        var batch: MergeBatch
        var neighbour: String
        var rejected: [String: Int]
        var checkpoint: FeedPosition?
        var status: NeighbourRepository.BatchStatus?
        /// The lease holder and the checkpoint text it expects, for a puller's merge.
        var lease: (holder: String, checkpoint: String)?

        func makeBindings() throws -> PostgresBindings {
            let profiles = Array(batch.profiles)
            let counts = Array(batch.counts)
            let nodes = Array(batch.nodes)
            let reasons = Array(rejected.keys)
            var named = NamedBindings<P>()
            named.set(
                .origins,
                Array(
                    Set(batch.profiles.keys.map(\.origin)).union(batch.counts.keys.map(\.origin))
                        .union(batch.nodes.keys.map(\.origin))))
            named.set(.neighbour, neighbour)
            named.set(.profileNameKeys, profiles.map(\.key.nameKey))
            named.set(.profileDisplayNames, profiles.map(\.key.displayName))
            named.set(.profileUUIDs, profiles.map(\.key.uuid))
            named.set(.profileMicros, profiles.map(\.key.resolvedAtMicros))
            named.set(.profileOrigins, profiles.map(\.key.origin))
            named.set(.profileAvatars, profiles.map { $0.key.avatarSHA256 ?? "" })
            named.set(.profileSignatures, profiles.map(\.value))
            named.set(.countOrigins, counts.map(\.key.origin))
            named.set(.countNameKeys, counts.map(\.key.nameKey))
            named.set(.countCounts, counts.map(\.key.count))
            named.set(.countMicros, counts.map(\.key.lastLookupAtMicros))
            named.set(.countSignatures, counts.map(\.value))
            named.set(.nodeOrigins, nodes.map(\.key.origin))
            named.set(.nodeNames, nodes.map(\.key.name))
            named.set(.nodeURLs, nodes.map { $0.key.url ?? "" })
            named.set(.nodeVersions, nodes.map(\.key.softwareVersion))
            named.set(.nodeMicros, nodes.map(\.key.recordedAtMicros))
            named.set(.nodeSignatures, nodes.map(\.value))
            named.set(.rejectionReasons, reasons)
            named.set(.rejectionTotals, reasons.map { Int64(rejected[$0] ?? 0) })
            named.set(.checkpoint, checkpoint?.description)
            named.set(.epoch, status?.epoch)
            named.set(.state, status?.state.rawValue)
            named.set(.stateReason, status?.reason)
            named.set(.lag, status?.lag)
            named.set(.rejectedTotal, Int64(status?.rejectedCount ?? 0))
            named.set(.movesCheckpoint, checkpoint != nil)
            named.set(.leaseHolder, lease?.holder)
            named.set(.leaseCheckpoint, lease?.checkpoint)
            return try named.bindings()
        }

        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
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

    /// SQL for ``NodeRecord/wins(over:)``.
    static func nodeWins(_ new: String, over old: String) -> String {
        """
        (\(new).recorded_at, \(new).name COLLATE "C", coalesce(\(new).url, '') COLLATE "C", \(new).software_version COLLATE "C")
        > (\(old).recorded_at, \(old).name COLLATE "C", coalesce(\(old).url, '') COLLATE "C", \(old).software_version COLLATE "C")
        """
    }
}
