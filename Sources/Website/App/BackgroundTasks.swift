import ServiceLifecycle
import Synchronization

/// The owner of work that components start in the background and nobody awaits (a batch of
/// lookups being written, own signatures being stored): a service that, on shutdown, refuses new
/// work, cancels what still runs and waits for it, so nothing started by the node outlives it.
/// It shuts down after the HTTP server (it comes before it in the service list), when no request
/// can start more.
final class BackgroundTasks: Service, Sendable {
    private struct State {
        var running: [UInt64: Task<Void, Never>] = [:]
        var next: UInt64 = 0
        var closed = false
    }

    private let state = Mutex(State())

    /// Runs `work` in a task this owner ends on shutdown; false (and `work` never runs) once
    /// shutting down.
    @discardableResult
    func start(_ work: @escaping @Sendable () async -> Void) -> Bool {
        state.withLock { state in
            guard !state.closed else { return false }
            let id = state.next
            state.next += 1
            // The task removes itself when done; it cannot get the lock before it is recorded.
            state.running[id] = Task {
                await work()
                _ = self.state.withLock { $0.running.removeValue(forKey: id) }
            }
            return true
        }
    }

    /// Tasks still running.
    var count: Int { state.withLock { $0.running.count } }

    /// Whether the node is shutting down (new work is refused).
    var isClosed: Bool { state.withLock { $0.closed } }

    func run() async throws {
        try? await gracefulShutdown()
        await shutdown()
    }

    /// Refuses new work, cancels what runs and returns when it has ended.
    func shutdown() async {
        let running = state.withLock { state in
            state.closed = true
            return Array(state.running.values)
        }
        for task in running { task.cancel() }
        for task in running { await task.value }
    }
}
