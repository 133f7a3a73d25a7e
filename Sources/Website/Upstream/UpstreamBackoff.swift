import Foundation
import Synchronization

/// Remembers that the upstream asked us to slow down (HTTP 429) and until when.
final class UpstreamBackoff: Sendable {
    static let defaultPause: Duration = .seconds(30)
    private let until = Mutex<ContinuousClock.Instant?>(nil)

    /// Whether requests to the upstream should wait.
    var isActive: Bool {
        until.withLock { deadline in deadline.map { ContinuousClock.now < $0 } ?? false }
    }

    func pause(for duration: Duration?) {
        let deadline = ContinuousClock.now + (duration ?? Self.defaultPause)
        until.withLock { $0 = max($0 ?? deadline, deadline) }
    }
}
