import Logging
import SyncProtocol
import Synchronization

/// Fetches the heads that merged profiles name but this node lacks, from the neighbour that sent
/// them: a few at a time and within a time budget, in the background of the puller, so that a
/// neighbour that stalls head requests never stalls the pulling of its feed.
final class HeadFetcher: Sendable {
    struct Settings: Sendable {
        /// Head requests in flight at once.
        var concurrency = 4
        /// No new request starts after this long; each request has the neighbour client's deadline.
        var budget: Duration = .seconds(15)
    }

    private let settings: Settings
    private let neighbour: NeighbourClient
    private let avatars: AvatarRepository
    private let metrics: NodeMetrics
    private let logger: Logger
    /// The running fetch, if any (nil once it finished).
    private let current = Mutex<Task<Void, Never>?>(nil)

    init(
        settings: Settings = .init(), neighbour: NeighbourClient, avatars: AvatarRepository, metrics: NodeMetrics,
        logger: Logger
    ) {
        self.settings = settings
        self.neighbour = neighbour
        self.avatars = avatars
        self.metrics = metrics
        self.logger = logger
    }

    /// Starts fetching in the background unless a fetch is still running (what it skips, a later
    /// sweep finds: a sweep also asks for heads that stored profiles name and the node lacks).
    func start(hashes: [String], sweep: Bool, from base: String, neighbourID: String) {
        current.withLock { task in
            guard task == nil else { return }
            task = Task { [self] in
                await fetch(hashes: hashes, sweep: sweep, from: base, neighbourID: neighbourID)
                current.withLock { $0 = nil }
            }
        }
    }

    /// Stops a running fetch and waits for it.
    func stop() async {
        let task = current.withLock { task in
            defer { task = nil }
            return task
        }
        task?.cancel()
        await task?.value
    }

    /// Fetches the missing heads among `hashes` (and, on a sweep, other missing ones).
    func fetch(hashes: [String], sweep: Bool, from base: String, neighbourID: String) async {
        let deadline = ContinuousClock.now + settings.budget
        do {
            var missing = try await avatars.missing(Array(Set(hashes)))
            if sweep { missing += try await avatars.missingForProfiles(limit: 20) }
            var queue = Array(Set(missing))[...]
            await withTaskGroup(of: Void.self) { group in
                var running = 0
                while !queue.isEmpty, ContinuousClock.now < deadline, !Task.isCancelled {
                    if running == settings.concurrency {
                        await group.next()
                        running -= 1
                        continue
                    }
                    let sha256 = queue.removeFirst()
                    running += 1
                    group.addTask { [self] in
                        do {
                            try await avatars.store(try await neighbour.head(at: base, sha256: sha256))
                            metrics.headFetched(neighbour: neighbourID)
                        } catch {
                            logger.debug(
                                "head not available from neighbour",
                                metadata: ["sha256": "\(sha256)", "error": "\(error)"])
                        }
                    }
                }
            }
        } catch {
            logger.debug("head fetching stopped", metadata: ["error": "\(error)"])
        }
    }
}
