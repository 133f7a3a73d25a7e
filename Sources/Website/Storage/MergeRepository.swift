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

    struct MergeCounts: Sendable, Equatable {
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

    /// Where a pulled batch moves the neighbour's checkpoint, provided this replica (`holder`)
    /// still holds the neighbour and its stored checkpoint is still `previous` (the text as
    /// stored). The check is part of the merge statement: a separate check needed a transaction,
    /// four round trips where one does.
    struct Checkpoint: Sendable {
        var position: FeedPosition
        var status: NeighbourRepository.BatchStatus
        var holder: String
        var previous: String
    }

    /// The one way records are merged, by the pull and by anti-entropy alike: merges the records
    /// of `batch` (only those that win are written), notes which neighbour delivered each origin
    /// (and which one first), adds `rejected` to the neighbour's rejection totals and, given a
    /// `checkpoint` (a pull's), moves it with the batch's status. One statement, one round trip
    /// and atomic without a transaction, whatever the batch holds (its parts touch different
    /// tables, so none needs to see another's writes). With a checkpoint whose lease check fails
    /// it writes nothing and throws ``LeaseLost``.
    func merge(
        _ batch: MergeBatch, from neighbour: String, rejected: [String: Int], checkpoint: Checkpoint? = nil
    ) async throws -> MergeCounts {
        try await run(
            MergeStatement(
                batch: batch, neighbour: neighbour, rejected: rejected, checkpoint: checkpoint?.position,
                status: checkpoint?.status, lease: checkpoint.map { ($0.holder, $0.previous) }))
    }

    private func run(_ statement: MergeStatement) async throws -> MergeCounts {
        var outcome: MergeCounts?
        // One statement: aborted over a lock conflict (name totals of a lookup), it changed
        // nothing, and runs again.
        let rows = try await database.execute(statement, logger: logger)
        for (profiles, counts, nodes, allowed) in rows {
            guard allowed else { throw LeaseLost() }
            outcome = MergeCounts(profilesChanged: Int(profiles), countsChanged: Int(counts), nodesChanged: Int(nodes))
        }
        guard let outcome else { throw NoAnswer() }
        return outcome
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
