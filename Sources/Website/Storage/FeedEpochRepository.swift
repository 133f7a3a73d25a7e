import Foundation
import Logging
import PostgresNIO
import SyncProtocol

/// Finds out whether the database is still the one the feed served from, and makes a new epoch
/// when it is not.
///
/// The database is identified by the cluster's system identifier (when the role may read it) and
/// the database's oid; a restore into another cluster or another database changes them. A cluster
/// whose transaction ids went backwards (a restored data directory) is caught by `xid_high`. On a
/// new epoch every row gets the current transaction id: rows restored from a dump keep the ids of
/// the old cluster, which may lie above the new cluster's horizon and would never be served.
///
/// Through ``Database``, so that a database that stops answering ends these queries at their
/// deadline, or at once when the caller is cancelled (a node stopping).
struct FeedEpochRepository {
    /// The background deadline: the check every second.
    let database: Database
    let logger: Logger
    /// The re-stamp of a restored database writes every row: it may take minutes on a large one.
    static let checkTimeout: Duration = .seconds(600)

    /// The database's identity as SQL: the cluster's system identifier ('-' when the role may not
    /// read it), a slash, and the database's oid.
    static let databaseIdentity = """
        CASE WHEN has_function_privilege('pg_control_system()', 'execute')
             THEN (SELECT system_identifier::text FROM pg_control_system()) ELSE '-' END
        || '/' || (SELECT oid::text FROM pg_database WHERE datname = current_database())
        """

    struct EpochCheck: Sendable, Equatable {
        var epoch: String
        /// Why a new epoch was made, or nil when the epoch stayed.
        var replaced: String?
    }

    /// One read-only round trip, run every second: whether ``check()`` must run, because the
    /// database is not the one `epoch` was made for (another cluster or database, transaction ids
    /// gone back, or another replica made a new epoch). Takes no transaction id and writes nothing.
    func needsCheck(knownEpoch epoch: String) async throws -> Bool {
        try await database.query(
            """
            SELECT f.epoch IS DISTINCT FROM \(epoch)
                OR f.database_identity IS DISTINCT FROM (\(unescaped: Self.databaseIdentity))
                OR pg_snapshot_xmax(pg_current_snapshot())::text::bigint < f.xid_high
            FROM (SELECT 1) AS one LEFT JOIN feed_epoch AS f ON true
            """
        ) { rows in
            for try await needed in rows.decode(Bool.self) { return needed }
            return true
        }
    }

    func check() async throws -> EpochCheck {
        try await database.with(timeout: Self.checkTimeout).transaction { [logger] connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Migrator.advisoryLockKey + 1))", logger: logger)
            var identity = ""
            for try await value in try await connection.query(
                "SELECT \(unescaped: Self.databaseIdentity)", logger: logger
            ).decode(String.self) {
                identity = value
            }
            var xid: Int64 = 0
            for try await value in try await connection.query(
                "SELECT pg_current_xact_id()::text::bigint", logger: logger
            ).decode(Int64.self) {
                xid = value
            }
            var stored: (String, String, Int64)?
            for try await row in try await connection.query(
                "SELECT epoch, database_identity, xid_high FROM feed_epoch FOR UPDATE", logger: logger
            ).decode((String, String, Int64).self) {
                stored = row
            }
            let reason: String?
            switch stored {
            case .none:
                reason = "first start"
            case .some(let (_, storedIdentity, high)) where storedIdentity != identity:
                reason =
                    "the database is not the one the feed served from (\(storedIdentity) → \(identity)); xid \(high)"
            case .some(let (_, _, high)) where xid < high:
                reason = "transaction ids went back from \(high) to \(xid): the database was restored"
            default:
                reason = nil
            }
            guard let reason else {
                try await connection.query(
                    "UPDATE feed_epoch SET xid_high = greatest(xid_high, \(xid))", logger: logger)
                return EpochCheck(epoch: stored!.0, replaced: nil)
            }
            let epoch = UUID().uuidString.lowercased()
            if stored != nil {
                for kind in RecordKind.allCases {
                    try await connection.query(
                        PostgresQuery(unsafeSQL: "UPDATE \(kind.table) SET xid = pg_current_xact_id()"), logger: logger)
                }
            }
            try await connection.query(
                """
                INSERT INTO feed_epoch (epoch, database_identity, xid_high) VALUES (\(epoch), \(identity), \(xid))
                ON CONFLICT (singleton) DO UPDATE SET epoch = excluded.epoch,
                    database_identity = excluded.database_identity, xid_high = excluded.xid_high, created_at = now()
                """, logger: logger)
            return EpochCheck(epoch: epoch, replaced: stored == nil ? nil : reason)
        }
    }
}
