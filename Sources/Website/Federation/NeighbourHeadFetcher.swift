import Logging
import SyncProtocol
import Synchronization

/// Fetches the heads that merged profiles name but this node lacks, from the neighbour that sent
/// them: a few at a time and within a time budget, in the background of the puller, so that a
/// neighbour that stalls head requests never stalls the pulling of its feed.
///
/// Nothing asked for is dropped while a fetch runs: hashes wait for the next round of the same
/// fetch. A head the neighbour could not give is asked for again after each of `retryPauses`:
/// a head travels a hop behind the profile that names it, so the neighbour may be fetching it
/// itself at that moment. After the last pause it is left to a later sweep, which asks for up to
/// `sweepLimit` heads that stored profiles name and the node lacks: every 20th pull round, and
/// every anti-entropy round (``NeighbourRepair``), so that heads whose fetches all failed during a
/// partition arrive within a repair interval of the heal (nemesis seeds 111 and 116).
final class NeighbourHeadFetcher: Sendable {
    struct Settings: Sendable {
        /// Head requests in flight at once.
        var concurrency = 4
        /// No new request starts after this long; each request has the neighbour client's deadline.
        var budget: Duration = .seconds(15)
        /// Pauses before asking again for a head the neighbour could not give.
        var retryPauses: [Duration] = [.milliseconds(250), .seconds(1), .seconds(4)]
        /// Hashes waiting at most; more are left to a later sweep, so that a neighbour naming
        /// heads it never serves cannot grow the queue (or one round's query) without bound.
        var pendingLimit = 1_000
        /// Missing heads a sweep looks for at most.
        var sweepLimit = 100
    }

    private struct Source: Sendable {
        var base: String
        var neighbourID: String
    }

    private struct State {
        var queue: HeadQueue
        var source: Source?
        /// The running fetch, if any (nil once it found nothing more to do).
        var fetching: Task<Void, Never>?
        /// Retries waiting for their pause, by number (`stop` cancels them).
        var retries: [Int: Task<Void, Never>] = [:]
        var nextRetry = 0
    }

    private let settings: Settings
    private let neighbour: NeighbourClient
    private let avatars: HeadImageRepository
    private let metrics: NodeMetrics
    private let logger: Logger
    private let state: Mutex<State>

    init(
        settings: Settings = .init(), neighbour: NeighbourClient, avatars: HeadImageRepository, metrics: NodeMetrics,
        logger: Logger
    ) {
        self.settings = settings
        self.neighbour = neighbour
        self.avatars = avatars
        self.metrics = metrics
        self.logger = logger
        self.state = Mutex(
            State(queue: HeadQueue(pendingLimit: settings.pendingLimit, retryPauses: settings.retryPauses)))
    }

    /// Asks for `hashes` (and, on a sweep, the other missing heads) from `base`; starts a fetch in
    /// the background unless one runs, which then takes them in its next round.
    func start(hashes: [String], sweep: Bool, from base: String, neighbourID: String) {
        state.withLock { state in
            ask(&state, for: hashes, sweep: sweep, from: Source(base: base, neighbourID: neighbourID))
        }
    }

    /// Queues `hashes` and starts a fetch unless one runs.
    private func ask(_ state: inout State, for hashes: [String], sweep: Bool, from source: Source) {
        state.queue.ask(for: hashes, sweep: sweep)
        state.source = source
        guard state.fetching == nil else { return }
        state.fetching = Task { [self] in await fetchWhileAsked() }
    }

    /// Stops the running fetch and the waiting retries, and waits for them.
    func stop() async {
        let tasks = state.withLock { state -> [Task<Void, Never>] in
            defer {
                state.fetching = nil
                state.retries = [:]
                state.queue.clear()
            }
            return Array(state.retries.values) + [state.fetching].compactMap { $0 }
        }
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
    }

    /// Rounds of fetching until nothing more is asked for.
    private func fetchWhileAsked() async {
        while !Task.isCancelled {
            let round = state.withLock { state -> (hashes: [String], sweep: Bool, source: Source)? in
                guard let source = state.source, let round = state.queue.takeRound() else {
                    state.fetching = nil
                    return nil
                }
                return (round.hashes, round.sweep, source)
            }
            guard let round else { return }
            let (fetched, failed) = await fetch(
                hashes: round.hashes, sweep: round.sweep, from: round.source.base,
                neighbourID: round.source.neighbourID)
            guard !Task.isCancelled else { return }
            // What was fetched, or found stored meanwhile, is no longer a failure.
            retryLater(failed, forgetting: Set(round.hashes + fetched).subtracting(failed), from: round.source)
        }
    }

    /// Asks again for `failed` after the next pause of each; forgets the failures of `done`.
    private func retryLater(_ failed: [String], forgetting done: Set<String>, from source: Source) {
        state.withLock { state in
            for (pause, hashes) in state.queue.roundEnded(failed: failed, done: done) {
                let id = state.nextRetry
                state.nextRetry += 1
                state.retries[id] = Task { [self] in
                    guard (try? await Task.sleep(for: pause)) != nil else { return }
                    self.state.withLock { state in
                        // Gone when `stop` ran meanwhile: nothing is asked for after it.
                        guard state.retries.removeValue(forKey: id) != nil else { return }
                        ask(&state, for: hashes, sweep: false, from: source)
                    }
                }
            }
        }
    }

    /// Fetches the missing heads among `hashes` (and, on a sweep, other missing ones); returns
    /// which were fetched and which the neighbour could not give.
    private func fetch(
        hashes: [String], sweep: Bool, from base: String, neighbourID: String
    ) async -> (fetched: [String], failed: [String]) {
        let deadline = ContinuousClock.now + settings.budget
        var fetched: [String] = []
        var failed: [String] = []
        do {
            var missing = try await avatars.missing(Array(Set(hashes)))
            if sweep { missing += try await avatars.missingForProfiles(limit: settings.sweepLimit) }
            var queue = Array(Set(missing))[...]
            await withTaskGroup(of: (String, Bool).self) { group in
                var running = 0
                func collect(_ result: (String, Bool)?) {
                    guard let (sha256, ok) = result else { return }
                    if ok { fetched.append(sha256) } else { failed.append(sha256) }
                }
                while !queue.isEmpty, ContinuousClock.now < deadline, !Task.isCancelled {
                    if running == settings.concurrency {
                        collect(await group.next())
                        running -= 1
                        continue
                    }
                    let sha256 = queue.removeFirst()
                    running += 1
                    group.addTask { [self] in
                        do {
                            try await avatars.store(try await neighbour.head(at: base, sha256: sha256))
                            metrics.headFetched(neighbour: neighbourID)
                            return (sha256, true)
                        } catch {
                            logger.debug(
                                "head not available from neighbour",
                                metadata: ["sha256": "\(sha256)", "error": "\(error)"])
                            return (sha256, false)
                        }
                    }
                }
                while let result = await group.next() { collect(result) }
            }
            // Not started within the budget: asked for again like a failure.
            failed += queue
        } catch {
            logger.debug("head fetching stopped", metadata: ["error": "\(error)"])
            failed += hashes
        }
        return (fetched, failed)
    }
}
