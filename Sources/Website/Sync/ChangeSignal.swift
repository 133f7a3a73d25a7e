import Synchronization

/// Wakes long-polls when the database reports a change (`NOTIFY heads_changes`, sent by a trigger
/// on every write, so writes by other replicas of the node wake them too).
///
/// A waiter is an entry in a table from registration until its `wait` returns, whatever ends it
/// (a change, its timeout or the cancellation of its task); the entry is removed by the waiter
/// itself, so nothing is left behind, and a late timer or cancellation finds it answered already
/// (``OnceAnswer``) and does nothing.
final class ChangeSignal: Sendable {
    private struct State {
        var generation = 0
        var waiters: [Int: OnceAnswer<Bool>] = [:]
        var nextID = 0
    }

    private let state = Mutex(State())

    /// Increases with every notification.
    var generation: Int { state.withLock { $0.generation } }

    /// Waiters registered now (zero when no `wait` is running).
    var waiterCount: Int { state.withLock { $0.waiters.count } }

    func fire() {
        let woken = state.withLock { state in
            state.generation += 1
            return Array(state.waiters.values)
        }
        for waiter in woken { waiter.answer(.success(true)) }
    }

    /// Returns once the generation has passed `seen` (true), or the timeout has passed or the task
    /// is cancelled (false).
    @discardableResult
    func wait(after seen: Int, timeout: Duration) async -> Bool {
        let waiter = OnceAnswer<Bool>()
        let id: Int? = state.withLock { state in
            guard state.generation <= seen else { return nil }
            state.nextID += 1
            state.waiters[state.nextID] = waiter
            return state.nextID
        }
        guard let id else { return true }
        let changed =
            (try? await waiter.value(timeout: timeout, expired: .success(false), cancelled: .success(false))) ?? false
        state.withLock { _ = $0.waiters.removeValue(forKey: id) }
        return changed
    }
}
