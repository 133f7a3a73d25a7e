import Logging
import Synchronization

/// Everything that keeps visitors from using up the profile and avatar services for everyone:
/// names the profile service said do not exist, remembered for a while (asking again asks no
/// one); heads whose fetch failed, not asked for again for a while; each client's allowance of
/// lookups that need the profile service; and one ``UpstreamGate`` per service (concurrency,
/// fair waiting, backoff and the probe after a pause). Every refusal is counted in `/metrics` and
/// logged once per client (or name) per minute.
final class UpstreamLimits: Sendable {
    struct Settings: Sendable {
        /// How long "no such player" is remembered (`UPSTREAM_NOT_FOUND_SECONDS`).
        var notFoundTime: Duration = .seconds(600)
        /// How long a head whose fetch failed is not asked for again (`UPSTREAM_FAILURE_MEMORY_SECONDS`).
        var failedHeadTime: Duration = .seconds(300)
        /// Requests to each service at once (`UPSTREAM_MAX_CONCURRENT`).
        var maximumConcurrent = 4
        /// How long a request waits for its turn (the upstream timeout).
        var maximumWait: Duration = .seconds(5)
        /// Lookups one client may make a minute that need the profile service
        /// (`UPSTREAM_LOOKUPS_PER_CLIENT_PER_MINUTE`).
        var lookupsPerClientPerMinute = 20
        /// Names, heads and clients remembered at most (each).
        var memoryCapacity = 100_000
    }

    let settings: Settings
    let profiles: UpstreamGate
    let avatars: UpstreamGate
    private let notFound: Remembered
    private let failedHeads: Remembered
    private let allowance: Mutex<ClientAllowance>
    private let logged: Mutex<ExpiringMemory<String>>
    /// Refusals being held, per client and in all.
    private let held = Mutex(SlotCounts(perClient: 4, total: 1000))
    private let metrics: NodeMetrics
    private let logger: Logger

    /// Keys remembered for `time` each; a question answered from memory is counted as `limit`.
    private final class Remembered: Sendable {
        let time: Duration
        let limit: String
        let metrics: NodeMetrics
        private let memory: Mutex<ExpiringMemory<String>>

        init(time: Duration, limit: String, capacity: Int, metrics: NodeMetrics) {
            self.time = time
            self.limit = limit
            self.metrics = metrics
            self.memory = Mutex(ExpiringMemory(capacity: capacity))
        }

        func contains(_ key: String) -> Bool {
            let hit = memory.withLock { $0.remembered(key, at: .now) != nil }
            if hit { metrics.limitHit(limit) }
            return hit
        }

        func remember(_ key: String) {
            let now = ContinuousClock.now
            memory.withLock { $0.remember(key, until: now + time, now: now) }
        }

        func forget(_ key: String) { memory.withLock { $0.forget(key) } }
    }

    init(settings: Settings, metrics: NodeMetrics, logger: Logger) {
        self.settings = settings
        self.profiles = UpstreamGate(
            service: "profile", maximumConcurrent: settings.maximumConcurrent, maximumWait: settings.maximumWait)
        self.avatars = UpstreamGate(
            service: "avatar", maximumConcurrent: settings.maximumConcurrent, maximumWait: settings.maximumWait)
        self.notFound = Remembered(
            time: settings.notFoundTime, limit: "not_found_remembered", capacity: settings.memoryCapacity,
            metrics: metrics)
        self.failedHeads = Remembered(
            time: settings.failedHeadTime, limit: "failed_head_remembered", capacity: settings.memoryCapacity,
            metrics: metrics)
        self.allowance = Mutex(
            ClientAllowance(perMinute: settings.lookupsPerClientPerMinute, capacity: settings.memoryCapacity))
        self.logged = Mutex(ExpiringMemory(capacity: 10_000))
        self.metrics = metrics
        self.logger = logger
    }

    /// Whether the profile service said recently that `nameKey` does not exist.
    func isKnownMissing(_ nameKey: String) -> Bool { notFound.contains(nameKey) }

    func rememberMissing(_ nameKey: String) { notFound.remember(nameKey) }

    /// Takes one lookup from `client`'s allowance; throws when it is used up, after holding the
    /// refusal up to ``refusalHold`` (a few per client at a time), so that a client asking in a
    /// tight loop is answered at the node's pace rather than its own.
    func takeAllowance(_ client: String) async throws {
        let decision = allowance.withLock { $0.take(client, now: .now) }
        guard case .refused(let retryAfter) = decision else { return }
        refused("client_allowance", key: client, "a client used up its allowance of lookups of new names")
        let hold = min(retryAfter, Self.refusalHold)
        if held.withLock({ $0.open(client) }) == nil {
            try? await Task.sleep(for: hold)
            held.withLock { $0.close(client) }
        }
        throw LookupError.overAllowance(retryAfter: retryAfter - hold)
    }

    /// How long a refusal past a client's allowance is held before it is answered.
    static let refusalHold: Duration = .seconds(1)

    /// Gives back a lookup that did not reach the profile service after all (it was paused or busy).
    func giveBackAllowance(_ client: String) {
        allowance.withLock { $0.giveBack(client, now: .now) }
    }

    /// Whether a head's fetch failed recently (then it is not asked for).
    func headFailedRecently(_ uuid: String) -> Bool { failedHeads.contains(uuid) }

    func headFailed(_ uuid: String) { failedHeads.remember(uuid) }

    func headFetched(_ uuid: String) { failedHeads.forget(uuid) }

    /// Counts a refusal by a gate (paused or busy service).
    func gateRefused(_ refusal: UpstreamRefusal) {
        switch refusal {
        case .paused(let service, _): refused("\(service)_paused", key: service, refusal.description)
        case .busy(let service): refused("\(service)_busy", key: service, refusal.description)
        }
    }

    /// Counts a refusal, and logs it once per key and reason a minute.
    private func refused(_ reason: String, key: String, _ message: String) {
        metrics.limitHit(reason)
        let now = ContinuousClock.now
        let first = logged.withLock { memory in
            guard memory.remembered(reason + " " + key, at: now) == nil else { return false }
            memory.remember(reason + " " + key, until: now + .seconds(60), now: now)
            return true
        }
        if first {
            logger.notice(
                "upstream limit hit (logged once a minute)", metadata: ["why": "\(message)", "key": "\(key)"])
        }
    }
}
