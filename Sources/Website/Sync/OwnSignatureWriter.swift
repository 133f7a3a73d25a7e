import Logging
import SyncProtocol
import Synchronization

/// Stores the signatures this node makes of its own records while serving them, in the
/// background: an answer to a neighbour does not wait for the write (a transaction and its
/// commit on every hop of a propagation). Ed25519 signatures are deterministic, so a record served
/// again before its signature is stored is signed again to the same bytes: nothing is lost when a
/// write fails or the node stops first, only signing work.
///
/// One write at a time, of at most `maximumWrite` records; what arrives meanwhile goes into the
/// next. At most `maximumPending` records wait; beyond that they are left for a later serve to
/// sign again. The feed it is given should have a background deadline, not a request's.
final class OwnSignatureWriter: Sendable {
    private struct State {
        var pending: [SyncRecord] = []
        var writing = false
    }

    private let state = Mutex(State())
    private let tasks: BackgroundTasks
    private let feed: ChangesFeed
    private let maximumPending: Int
    private let maximumWrite: Int
    private let logger: Logger

    init(
        feed: ChangesFeed, tasks: BackgroundTasks, maximumPending: Int = 50_000, maximumWrite: Int = 1000,
        logger: Logger
    ) {
        self.tasks = tasks
        self.feed = feed
        self.maximumPending = maximumPending
        self.maximumWrite = maximumWrite
        self.logger = logger
    }

    /// Queues `records` (own records with their new signatures) for storing.
    func store(_ records: [SyncRecord]) {
        guard !records.isEmpty else { return }
        let startWriter = state.withLock { state -> Bool in
            state.pending.append(contentsOf: records.prefix(max(0, maximumPending - state.pending.count)))
            guard !state.writing else { return false }
            state.writing = true
            return true
        }
        // Refused while the node shuts down: what waits is signed again on a later serve.
        if startWriter, !tasks.start({ [self] in await drain() }) {
            state.withLock { state in
                state.pending = []
                state.writing = false
            }
        }
    }

    private func drain() async {
        while !Task.isCancelled {
            let batch = state.withLock { state -> [SyncRecord] in
                if state.pending.isEmpty { state.writing = false }
                let count = min(maximumWrite, state.pending.count)
                defer { state.pending.removeFirst(count) }
                return Array(state.pending.prefix(count))
            }
            guard !batch.isEmpty else { return }
            do {
                try await feed.storeOwnSignatures(batch)
            } catch {
                logger.warning(
                    "storing own signatures failed; they are made again when served",
                    metadata: ["records": "\(batch.count)", "error": "\(error)"])
            }
        }
        state.withLock { $0.writing = false }
    }
}
