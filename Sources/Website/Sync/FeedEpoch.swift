import Logging
import ServiceLifecycle
import Synchronization

/// The feed's current epoch, checked at start-up and every few seconds afterwards (a database
/// restored or swapped under a running node is noticed without a restart).
final class FeedEpoch: Service, Sendable {
    private let current = Mutex<String>("")
    private let repository: FeedEpochRepository
    private let interval: Duration
    private let logger: Logger

    /// Fired when the epoch changes, so that long-polls holding positions of the old one end at once.
    private let signal: ChangeSignal?

    /// Every second: one light query, so that a database restored under a running node is noticed
    /// (and its neighbours' long-polls answered) within about a second.
    init(repository: FeedEpochRepository, interval: Duration = .seconds(1), signal: ChangeSignal? = nil, logger: Logger)
    {
        self.repository = repository
        self.interval = interval
        self.signal = signal
        self.logger = logger
    }

    /// The epoch of the positions the feed hands out now.
    var epoch: String { current.withLock { $0 } }

    /// Checks the database and adopts its epoch (a new one when it was restored or replaced).
    func check() async throws {
        let outcome = try await repository.check()
        let previous = current.withLock { value in
            defer { value = outcome.epoch }
            return value
        }
        if previous != outcome.epoch, !previous.isEmpty { signal?.fire() }
        if let reason = outcome.replaced {
            logger.warning(
                "the changes feed starts a new epoch", metadata: ["epoch": "\(outcome.epoch)", "why": "\(reason)"])
        } else if previous != outcome.epoch, !previous.isEmpty {
            logger.notice("the changes feed's epoch changed", metadata: ["epoch": "\(outcome.epoch)"])
        }
    }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: self.interval)
                do {
                    if try await self.repository.needsCheck(knownEpoch: self.epoch) { try await self.check() }
                } catch {
                    self.logger.debug("feed epoch check failed", metadata: ["error": "\(error)"])
                }
            }
        }
    }
}
