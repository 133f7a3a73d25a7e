import Synchronization

/// Group commit: items that arrive while earlier ones are being written are gathered and written
/// together, at most `maximumBatch` in one write, by at most `maximumInFlight` writers at once.
/// There is no waiting window: an item that finds a writer free is written at once, so a quiet
/// node pays nothing, and under load the batches grow by themselves to what arrives during one
/// write.
///
/// Two ways in: ``write(_:)`` waits until its batch is written and answers with what the write
/// returned (``LookupBatcher``: a lookup is acknowledged only once committed); ``submit(_:)``
/// queues and returns at once (``OwnSignatureWriter``: nobody waits for the write). Writers are
/// owned by `tasks`: once the node shuts down, nothing more is written and whoever waits is
/// answered with `CancellationError`.
final class GroupCommit<Item: Sendable, Written: Sendable>: Sendable {
    typealias Write = @Sendable ([Item]) async throws -> Written
    private typealias Delivery = @Sendable (Result<Written, any Error>) -> Void

    private struct Entry {
        var item: Item
        /// Answers a caller of ``write(_:)``; nil for a submitted item.
        var deliver: Delivery?
    }

    private struct State {
        var waiting: [Entry] = []
        var inFlight = 0
    }

    private let state = Mutex(State())
    private let tasks: BackgroundTasks
    private let write: Write
    private let maximumInFlight: Int
    private let maximumBatch: Int
    private let maximumSubmitted: Int

    /// `maximumSubmitted`: at most this many submitted items wait; the rest are dropped.
    init(
        tasks: BackgroundTasks, maximumInFlight: Int = 1, maximumBatch: Int = 1000, maximumSubmitted: Int = .max,
        write: @escaping Write
    ) {
        self.tasks = tasks
        self.write = write
        self.maximumInFlight = maximumInFlight
        self.maximumBatch = maximumBatch
        self.maximumSubmitted = maximumSubmitted
    }

    /// Writes `item` with whatever else is waiting and returns what that write returned, once it
    /// has returned; a write that fails fails every caller in it.
    ///
    /// An item that finds no batch being written and none waiting is a batch of one, written on
    /// the caller's own task: no hand-off to a writer and back. Items that arrive meanwhile wait,
    /// and go next on a writer of their own.
    func write(_ item: Item) async throws -> Written {
        let alone = state.withLock { state -> Bool in
            guard state.inFlight < maximumInFlight, state.waiting.isEmpty else { return false }
            state.inFlight += 1
            return true
        }
        if alone {
            defer { writeFinished() }
            // A node shutting down writes nothing more, alone or in a batch.
            guard !tasks.isClosed else { throw CancellationError() }
            return try await write([item])
        }
        return try await withCheckedThrowingContinuation { continuation in
            enqueue([Entry(item: item, deliver: { continuation.resume(with: $0) })], upTo: .max)
        }
    }

    /// Queues `items` to be written in the background and returns at once; returns how many were
    /// queued (beyond `maximumSubmitted` waiting, the rest are dropped).
    @discardableResult
    func submit(_ items: [Item]) -> Int {
        guard !items.isEmpty else { return 0 }
        return enqueue(items.map { Entry(item: $0, deliver: nil) }, upTo: maximumSubmitted)
    }

    /// Items waiting for a writer (for tests).
    var waitingCount: Int { state.withLock { $0.waiting.count } }

    /// Appends entries while fewer than `limit` wait, and starts a writer when one is free.
    @discardableResult
    private func enqueue(_ entries: [Entry], upTo limit: Int) -> Int {
        let (queued, batch) = state.withLock { state -> (Int, [Entry]?) in
            let queued = min(entries.count, max(0, limit - state.waiting.count))
            state.waiting.append(contentsOf: entries.prefix(queued))
            return (queued, takeBatch(&state))
        }
        if let batch { start(batch) }
        return queued
    }

    /// The next batch when a writer is free (and marks it busy).
    private func takeBatch(_ state: inout State) -> [Entry]? {
        guard state.inFlight < maximumInFlight, !state.waiting.isEmpty else { return nil }
        state.inFlight += 1
        let count = min(maximumBatch, state.waiting.count)
        defer { state.waiting.removeFirst(count) }
        return Array(state.waiting.prefix(count))
    }

    /// A write ended: what arrived meanwhile, if any, as the next batch (the writer stays busy).
    private func nextBatch() -> [Entry]? {
        state.withLock { state in
            state.inFlight -= 1
            return takeBatch(&state)
        }
    }

    /// A write on a caller's own task ended: what arrived meanwhile goes on a writer.
    private func writeFinished() {
        if let next = nextBatch() { start(next) }
    }

    /// Writes `batch`, then whatever arrived meanwhile, on one writer owned by `tasks`. A node
    /// shutting down refuses the writer (or cancels it): every entry waiting then is failed.
    private func start(_ batch: [Entry]) {
        let started = tasks.start { [self] in
            var batch = batch
            while true {
                let result: Result<Written, any Error>
                if Task.isCancelled {
                    result = .failure(CancellationError())
                } else {
                    do { result = .success(try await write(batch.map(\.item))) } catch { result = .failure(error) }
                }
                for entry in batch { entry.deliver?(result) }
                // What arrived meanwhile goes next, on this same writer.
                guard let next = nextBatch() else { return }
                batch = next
            }
        }
        if !started {
            let refused = state.withLock { state -> [Entry] in
                state.inFlight -= 1
                defer { state.waiting = [] }
                return batch + state.waiting
            }
            for entry in refused { entry.deliver?(.failure(CancellationError())) }
        }
    }
}
