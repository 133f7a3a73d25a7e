import Synchronization

/// Wakes long-polls when the database reports a change (`NOTIFY heads_changes`, sent by a trigger
/// on every write, so writes by other replicas of the node wake them too).
///
/// A waiter is an entry in a table from registration until its `wait` returns, whatever ends it
/// (a change, its timeout or the cancellation of its task); the entry is removed by the waiter
/// itself, so nothing is left behind, and a late timer or cancellation finds no entry and does
/// nothing.
final class ChangeSignal: Sendable {
    private enum Waiter {
        /// Registered; its continuation is not stored yet.
        case pending
        /// Ended before its continuation was stored: resumed at once when it is.
        case ended(Bool)
        case waiting(CheckedContinuation<Bool, Never>)
    }

    private struct State {
        var generation = 0
        var waiters: [Int: Waiter] = [:]
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
            var woken: [CheckedContinuation<Bool, Never>] = []
            for (id, waiter) in state.waiters {
                switch waiter {
                case .pending: state.waiters[id] = .ended(true)
                case .waiting(let continuation):
                    woken.append(continuation)
                    state.waiters[id] = .ended(true)
                case .ended: break
                }
            }
            return woken
        }
        for continuation in woken { continuation.resume(returning: true) }
    }

    /// Returns once the generation has passed `seen` (true), or the timeout has passed or the task
    /// is cancelled (false).
    @discardableResult
    func wait(after seen: Int, timeout: Duration) async -> Bool {
        let id: Int? = state.withLock { state in
            guard state.generation <= seen else { return nil }
            state.nextID += 1
            state.waiters[state.nextID] = .pending
            return state.nextID
        }
        guard let id else { return true }
        let timer = Task {
            // Only a timeout that really passed ends the wait; a cancelled timer does nothing.
            guard (try? await Task.sleep(for: timeout)) != nil else { return }
            self.end(id, changed: false)
        }
        let changed = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                let endedAlready: Bool? = state.withLock { state in
                    if case .ended(let changed) = state.waiters[id] { return changed }
                    state.waiters[id] = .waiting(continuation)
                    return nil
                }
                if let endedAlready { continuation.resume(returning: endedAlready) }
            }
        } onCancel: {
            self.end(id, changed: false)
        }
        timer.cancel()
        state.withLock { _ = $0.waiters.removeValue(forKey: id) }
        return changed
    }

    private func end(_ id: Int, changed: Bool) {
        let continuation: CheckedContinuation<Bool, Never>? = state.withLock { state in
            switch state.waiters[id] {
            case .pending:
                state.waiters[id] = .ended(changed)
                return nil
            case .waiting(let continuation):
                state.waiters[id] = .ended(changed)
                return continuation
            case .ended, nil:
                return nil
            }
        }
        continuation?.resume(returning: changed)
    }
}
