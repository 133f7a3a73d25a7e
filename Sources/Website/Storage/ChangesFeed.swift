import Logging
import PostgresNIO
import SyncProtocol

/// Reads the node's changes feed: the latest state of every profile and counter changed after a
/// position, in (transaction, sequence) order.
///
/// **No gaps.** Sequence values are taken when a transaction writes but become visible when it
/// commits, so a later value can be visible before an earlier one. The feed therefore serves only
/// changes whose transaction is older than the snapshot's `xmin` (every transaction below it has
/// finished), ordered by transaction id first: no transaction that commits later can sort before a
/// position already handed out. Only this database's transactions hold the horizon back: on a
/// cluster shared with other databases (other nodes, other applications), theirs cannot write
/// here, so a long transaction there does not stall this feed.
struct ChangesFeed {
    let database: Database

    struct Change: Sendable {
        var position: FeedPosition
        /// The record; own records come unsigned (the node signs them when serving).
        var profile: ProfileRecord?
        var count: CountRecord?
        var node: NodeRecord?
        var signature: String?
    }

    /// Changes after a position, and the latest change sequence value handed out (read by the
    /// same statement; nil when there are no changes).
    struct Page: Sendable {
        var changes: [Change]
        var latestSequence: Int64?
    }

    func changes(after position: FeedPosition, limit: Int) async throws -> Page {
        let rows = try await database.execute(ChangesStatement(after: position, limit: limit))
        return Page(changes: rows.map(\.change), latestSequence: rows.first?.latestSequence)
    }

    /// Whether anything was written after `position` (committed), served or not: when the feed
    /// answers nothing although this is true, an older transaction holds the horizon back, and
    /// the change is served once it ends, which no notification announces.
    func hasWrites(after position: FeedPosition) async throws -> Bool {
        let transaction = String(position.transaction)
        let exists = RecordKind.allCases.map {
            "EXISTS (SELECT 1 FROM \($0.table) WHERE (xid, seq) > ($1::text::xid8, $2::int8))"
        }
        var bindings = PostgresBindings()
        bindings.append(transaction)
        bindings.append(position.sequence)
        return try await database.values(
            PostgresQuery(unsafeSQL: "SELECT \(exists.joined(separator: " OR "))", binds: bindings), as: Bool.self
        ).first ?? false
    }

    /// The feed's query, prepared once per connection (it runs on every request of every
    /// neighbour, and its planning took several times its execution).
    struct ChangesStatement: PostgresPreparedStatement {
        static let name = "changes_after_v2"
        /// A change, and the latest sequence value (the same on every row: one round trip
        /// answers a neighbour instead of two).
        typealias Row = (change: Change, latestSequence: Int64)
        /// The outer `ORDER BY` names the columns with their table: a bare `xid` would mean the
        /// output column `xid::text`, and text puts transaction 1000 before 999.
        static let sql = """
            WITH \(ChangesFeed.horizonCTE)
            SELECT kind, xid::text, seq, name_key, display_name, uuid, micros, origin, avatar, count, signature,
                   (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM change_seq) AS latest
            FROM (\(branches)) AS changes
            ORDER BY changes.xid, changes.seq
            LIMIT $3::int8
            """

        /// Each kind's changes after the position, in feed order, at most the limit.
        private static let branches = RecordKind.allCases.map {
            """
            (SELECT \($0.changeColumns) FROM \($0.table), horizon
             WHERE (xid, seq) > ($1::text::xid8, $2::int8) AND xid < horizon.xmin ORDER BY xid, seq LIMIT $3::int8)
            """
        }.joined(separator: " UNION ALL ")

        var after: FeedPosition
        var limit: Int

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings()
            bindings.append(String(after.transaction))
            bindings.append(after.sequence)
            bindings.append(Int64(limit))
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row {
            let (kind, xid, seq, name, displayName, uuid, micros, origin, avatar, count, signature, latest) =
                try row.decode(
                    (String, String, Int64, String, String?, String?, Int64, String, String?, Int64, String?, Int64)
                        .self)
            return (
                try ChangesFeed.change(
                    (kind, xid, seq, name, displayName, uuid, micros, origin, avatar, count, signature)),
                latest
            )
        }
    }

    /// The feed's horizon (`horizon.xmin`): the oldest transaction id of this database still
    /// running in the statement's snapshot, or the snapshot's `xmax` when none is. An id running
    /// in the snapshot is left out only when a backend of another database positively holds it
    /// (ids are cluster-wide, a backend's database never changes, ids are not reused); one whose
    /// backend ended meanwhile, a prepared transaction, or one hidden from this role counts as
    /// this database's: the horizon errs towards holding back, never towards a gap.
    static let horizonCTE = """
        snapshot AS (SELECT pg_current_snapshot() AS s),
        horizon AS (
            SELECT coalesce(
                (SELECT min(x) FROM snapshot, pg_snapshot_xip(snapshot.s) AS x
                 WHERE x::xid NOT IN (
                     SELECT a.backend_xid FROM pg_stat_get_activity(NULL) AS a
                     WHERE a.backend_xid IS NOT NULL
                       AND a.datid <> (SELECT oid FROM pg_database WHERE datname = current_database()))),
                (SELECT pg_snapshot_xmax(s) FROM snapshot)) AS xmin
        )
        """

    /// A change as the queries select it: kind, xid, seq, name, display name, uuid, µs, origin,
    /// avatar, count, signature.
    typealias ChangeRow = (String, String, Int64, String, String?, String?, Int64, String, String?, Int64, String?)

    /// Rows of ``ChangeRow``.
    @Sendable static func decodeChanges(_ rows: PostgresRowSequence) async throws -> [Change] {
        var changes: [Change] = []
        for try await row in rows.decode(ChangeRow.self) { changes.append(try change(row)) }
        return changes
    }

    /// A feed row that is no record of any kind: a letter no ``RecordKind`` has, or a column its
    /// kind needs left NULL. Never read as some other kind.
    struct UnreadableRow: Error, CustomStringConvertible {
        var kind: String
        var origin: String
        var name: String
        var description: String {
            "a feed row of kind '\(kind)' (origin \(origin), name \(name)) is no readable record"
        }
    }

    static func change(_ row: ChangeRow) throws -> Change {
        let (letter, xidText, seq, name, displayName, uuid, micros, origin, avatar, count, signature) = row
        var change = Change(
            position: FeedPosition(transaction: UInt64(xidText) ?? 0, sequence: seq), signature: signature)
        let unreadable = UnreadableRow(kind: letter, origin: origin, name: name)
        guard let kind = RecordKind(letter: letter) else { throw unreadable }
        switch kind {
        case .node:
            // Node records: name, url and software version in the name, display name and uuid columns.
            guard let version = uuid else { throw unreadable }
            change.node = NodeRecord(
                origin: origin, name: name, url: displayName, softwareVersion: version, recordedAtMicros: micros)
        case .profile:
            guard let displayName, let uuid else { throw unreadable }
            change.profile = ProfileRecord(
                nameKey: name, displayName: displayName, uuid: uuid, resolvedAtMicros: micros, origin: origin,
                avatarSHA256: avatar)
        case .count:
            change.count = CountRecord(origin: origin, nameKey: name, count: count, lastLookupAtMicros: micros)
        }
        return change
    }

    /// What holds the feed's horizon back: the oldest transaction with a transaction id running
    /// in this database (the feed serves nothing newer until it ends).
    struct Horizon: Sendable, Equatable {
        /// How long the oldest writing transaction has been running (0 when none runs).
        var ageSeconds: Double
        /// Its backend's process id and what it runs, when there is one.
        var pid: Int32?
        var query: String?
    }

    func horizon() async throws -> Horizon {
        try await database.query(
            """
            SELECT coalesce(extract(epoch FROM now() - xact_start)::float8, 0), pid, left(query, 120)
            FROM pg_stat_activity
            WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid() AND datname = current_database()
            ORDER BY xact_start LIMIT 1
            """
        ) { rows in
            for try await (age, pid, query) in rows.decode((Double, Int32, String?).self) {
                return Horizon(ageSeconds: max(0, age), pid: pid, query: query)
            }
            return Horizon(ageSeconds: 0, pid: nil, query: nil)
        }
    }

    /// The position of the last change the feed serves now (the beginning when it has none):
    /// where a reader that wants only what comes next starts. One backward index step per kind.
    func endPosition() async throws -> FeedPosition {
        let ends = RecordKind.allCases.map {
            "(SELECT xid, seq FROM \($0.table), horizon WHERE xid < horizon.xmin ORDER BY xid DESC, seq DESC LIMIT 1)"
        }
        let rows = try await database.query(
            PostgresQuery(
                unsafeSQL: """
                    WITH \(Self.horizonCTE)
                    SELECT ends.xid::text, ends.seq FROM (\(ends.joined(separator: " UNION ALL "))) AS ends
                    ORDER BY ends.xid DESC, ends.seq DESC LIMIT 1
                    """)
        ) { rows in
            var found: [(String, Int64)] = []
            for try await row in rows.decode((String, Int64).self) { found.append(row) }
            return found
        }
        guard let (transaction, sequence) = rows.first, let xid = UInt64(transaction) else { return .beginning }
        return FeedPosition(transaction: xid, sequence: sequence)
    }

    /// The latest change sequence value handed out (0 before the first change).
    func latestSequence() async throws -> Int64 {
        try await database.values(
            "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM change_seq", as: Int64.self
        ).first ?? 0
    }
}
