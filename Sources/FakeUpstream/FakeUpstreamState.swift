import Synchronization

/// The fake upstream's switches and request counters; tests change and read them directly, and
/// `POST /control` changes them over HTTP.
public final class FakeUpstreamState: Sendable {
    /// How the fake answers profile requests.
    public enum Mode: String, Sendable, CaseIterable {
        /// The documented deterministic players.
        case normal
        /// Every request answers 500.
        case down
        /// Every profile request answers 429 with `Retry-After: 30`.
        case ratelimit
        /// Profile requests answer 200 with a body that is not a profile.
        case garbage
    }

    public struct Snapshot: Sendable, Equatable, Codable {
        public var mode: String
        public var latencyMilliseconds: Int
        public var profileRequests: Int
        public var avatarRequests: Int
    }

    private struct Values {
        var mode: Mode
        var latency: Duration
        var profileRequests = 0
        var avatarRequests = 0
    }

    private let values: Mutex<Values>

    public init(mode: Mode = .normal, latency: Duration = .zero) {
        values = Mutex(Values(mode: mode, latency: latency))
    }

    public var mode: Mode {
        get { values.withLock { $0.mode } }
        set { values.withLock { $0.mode = newValue } }
    }

    /// Added before every answer.
    public var latency: Duration {
        get { values.withLock { $0.latency } }
        set { values.withLock { $0.latency = newValue } }
    }

    public var profileRequests: Int { values.withLock { $0.profileRequests } }
    public var avatarRequests: Int { values.withLock { $0.avatarRequests } }

    func countProfileRequest() -> (Mode, Duration) {
        values.withLock {
            $0.profileRequests += 1
            return ($0.mode, $0.latency)
        }
    }

    func countAvatarRequest() -> (Mode, Duration) {
        values.withLock {
            $0.avatarRequests += 1
            return ($0.mode, $0.latency)
        }
    }

    public var snapshot: Snapshot {
        values.withLock {
            Snapshot(
                mode: $0.mode.rawValue, latencyMilliseconds: Int($0.latency.seconds * 1000),
                profileRequests: $0.profileRequests, avatarRequests: $0.avatarRequests)
        }
    }
}
