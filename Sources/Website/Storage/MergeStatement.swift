import PostgresNIO
import SyncProtocol

extension MergeRepository {
    /// The statement of ``MergeRepository/merge(_:from:rejected:checkpoint:)``, prepared once per
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
            case origins, neighbour
            case profileNameKeys, profileDisplayNames, profileUUIDs, profileMicros, profileOrigins, profileAvatars,
                profileSignatures
            case countOrigins, countNameKeys, countCounts, countMicros, countSignatures
            case nodeOrigins, nodeNames, nodeURLs, nodeVersions, nodeMicros, nodeSignatures
            case rejectionReasons, rejectionTotals
            case checkpoint, epoch, state, stateReason, lag, rejectedTotal, movesCheckpoint
            case leaseHolder, leaseCheckpoint

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
                        origin = excluded.origin, avatar_sha256 = excluded.avatar_sha256,
                        \(FeedStamp.onConflictKeepingSignature)
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
                        count = excluded.count, last_lookup_at = excluded.last_lookup_at,
                        \(FeedStamp.onConflictKeepingSignature)
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
                        recorded_at = excluded.recorded_at, \(FeedStamp.onConflictKeepingSignature)
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
}
