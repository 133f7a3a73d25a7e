import Logging
import SyncProtocol

/// Stores the signatures this node makes of its own records while serving them, in the
/// background: an answer to a neighbour does not wait for the write (a transaction and its
/// commit on every hop of a propagation). Ed25519 signatures are deterministic, so a record served
/// again before its signature is stored is signed again to the same bytes: nothing is lost when a
/// write fails or the node stops first, only signing work.
///
/// One write at a time (``GroupCommit``), of at most `maximumWrite` records; what arrives meanwhile
/// goes into the next. At most `maximumPending` records wait; beyond that they are left for a
/// later serve to sign again. The feed it is given should have a background deadline, not a
/// request's.
final class OwnSignatureWriter: Sendable {
    private let commit: GroupCommit<SyncRecord, Void>

    init(
        feed: ChangesFeed, tasks: BackgroundTasks, maximumPending: Int = 50_000, maximumWrite: Int = 1000,
        logger: Logger
    ) {
        commit = GroupCommit(tasks: tasks, maximumBatch: maximumWrite, maximumSubmitted: maximumPending) { batch in
            do {
                try await feed.storeOwnSignatures(batch)
            } catch {
                logger.warning(
                    "storing own signatures failed; they are made again when served",
                    metadata: ["records": "\(batch.count)", "error": "\(error)"])
            }
        }
    }

    /// Queues `records` (own records with their new signatures) for storing. Refused while the
    /// node shuts down: what waits is signed again on a later serve.
    func store(_ records: [SyncRecord]) {
        commit.submit(records)
    }
}
