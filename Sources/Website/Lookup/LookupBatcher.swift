import Synchronization

/// Group commit of lookups: concurrent cached-page lookups (any names, any connections) are
/// gathered while the previous batches are being written and written together, in one statement
/// and one transaction (``LookupCountRepository/recordLookupsIfFresh(origin:nameKeys:maximumAge:)``).
/// Each caller is answered only after its batch committed, so an acknowledged lookup is durable
/// and counted exactly once; a batch that fails fails every caller in it.
///
/// There is no waiting window: a lookup that finds fewer than `maximumInFlight` batches being
/// written starts one at once (alone, on its own task), so a quiet node answers as fast as
/// before, and under load the batches grow by themselves to what arrives during one commit.
final class LookupBatcher: Sendable {
    typealias Answer = (Profile, [HeadCounts.NodeCount])?
    typealias Write = @Sendable ([String]) async throws -> [String: (Profile, [HeadCounts.NodeCount])]

    private struct Waiting {
        var nameKey: String
        var continuation: CheckedContinuation<Answer, any Error>
    }

    private struct State {
        var waiting: [Waiting] = []
        var inFlight = 0
    }

    private let state = Mutex(State())
    private let tasks: BackgroundTasks
    private let write: Write
    private let maximumInFlight: Int
    private let maximumBatch: Int

    /// One batch in flight by default: on two cores, a second writer split the lookups into
    /// smaller batches and more commits for no gain (B1 at 64 connections 41 % → 46 % of
    /// `/healthz` with one, BENCHMARKS.md).
    init(tasks: BackgroundTasks, maximumInFlight: Int = 1, maximumBatch: Int = 1000, write: @escaping Write) {
        self.tasks = tasks
        self.write = write
        self.maximumInFlight = maximumInFlight
        self.maximumBatch = maximumBatch
    }

    /// The node's batcher: each batch is counted for the node (its identity read at each write:
    /// it is loaded at start-up, after the batcher is built) by
    /// ``LookupCountRepository/recordLookupsIfFresh(origin:nameKeys:maximumAge:)``, for the names
    /// whose stored profile is fresh under `profileCacheTime` and names its head.
    convenience init(
        tasks: BackgroundTasks, counts: LookupCountRepository, node: LocalNode, profileCacheTime: Duration
    ) {
        self.init(tasks: tasks) { nameKeys in
            try await counts.recordLookupsIfFresh(origin: node.id, nameKeys: nameKeys, maximumAge: profileCacheTime)
        }
    }

    /// Counts one lookup of `nameKey` when its stored profile is fresh and returns the profile and
    /// every origin's counter; nil (nothing counted) when there is no fresh profile.
    ///
    /// A lookup that finds no batch being written and none waiting is a batch of one, written on
    /// the caller's own task: a quiet node pays no hand-off to a writer and back. Lookups that
    /// arrive meanwhile wait, and go next on a writer of their own.
    func recordLookup(nameKey: String) async throws -> Answer {
        let alone = state.withLock { state -> Bool in
            guard state.inFlight < maximumInFlight, state.waiting.isEmpty else { return false }
            state.inFlight += 1
            return true
        }
        if alone {
            defer { writeFinished() }
            // A node shutting down writes nothing more, alone or in a batch.
            guard !tasks.isClosed else { throw CancellationError() }
            return try await write([nameKey])[nameKey]
        }
        return try await withCheckedThrowingContinuation { continuation in
            let batch = state.withLock { state -> [Waiting]? in
                state.waiting.append(Waiting(nameKey: nameKey, continuation: continuation))
                return takeBatch(&state)
            }
            if let batch { start(batch) }
        }
    }

    /// Lookups waiting for a writer (for tests).
    var waitingCount: Int { state.withLock { $0.waiting.count } }

    /// The next batch when a writer is free (and marks it busy).
    private func takeBatch(_ state: inout State) -> [Waiting]? {
        guard state.inFlight < maximumInFlight, !state.waiting.isEmpty else { return nil }
        state.inFlight += 1
        let count = min(maximumBatch, state.waiting.count)
        defer { state.waiting.removeFirst(count) }
        return Array(state.waiting.prefix(count))
    }

    /// A write ended: the lookups that arrived meanwhile, if any, as the next batch (the writer
    /// stays busy for it).
    private func nextBatch() -> [Waiting]? {
        state.withLock { state in
            state.inFlight -= 1
            return takeBatch(&state)
        }
    }

    /// A write on a caller's own task ended: what arrived meanwhile goes on a writer.
    private func writeFinished() {
        if let next = nextBatch() { start(next) }
    }

    /// Writes `batch`, then whatever arrived meanwhile, on one writer owned by `tasks`; a node
    /// shutting down fails the batch instead (no request can be waiting for it by then).
    private func start(_ batch: [Waiting]) {
        let started = tasks.start { [self] in
            var batch = batch
            while true {
                do {
                    let written = try await write(batch.map(\.nameKey))
                    for waiting in batch { waiting.continuation.resume(returning: written[waiting.nameKey]) }
                } catch {
                    for waiting in batch { waiting.continuation.resume(throwing: error) }
                }
                // What arrived meanwhile goes next, on this same writer.
                guard let next = nextBatch() else { return }
                batch = next
            }
        }
        if !started {
            state.withLock { $0.inFlight -= 1 }
            for waiting in batch { waiting.continuation.resume(throwing: CancellationError()) }
        }
    }
}
