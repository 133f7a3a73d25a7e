import Synchronization

/// A flag set once, read from other tasks, and awaited.
final class ManagedFlag: Sendable {
    private let state = Mutex((isSet: false, waiters: [CheckedContinuation<Void, Never>]()))

    var value: Bool { state.withLock { $0.isSet } }

    func set() {
        let waiters = state.withLock { state in
            state.isSet = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Suspends until the flag is set, cancelled or not, as a query on a database that stopped
    /// answering does. (A loop of `try? await Task.sleep` would spin without suspending once
    /// cancelled, and two such loops hold both threads of a two-core machine's pool.)
    func wait() async {
        await withCheckedContinuation { continuation in
            let isSet = state.withLock { state in
                if !state.isSet { state.waiters.append(continuation) }
                return state.isSet
            }
            if isSet { continuation.resume() }
        }
    }
}
