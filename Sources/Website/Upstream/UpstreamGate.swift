import Synchronization

/// What every request to one upstream service passes: at most `maximumConcurrent` at once, the
/// others waiting in arrival order (at most `maximumWaiting`, each for at most `maximumWait`),
/// and none while the service's ``UpstreamHealth`` says it is paused.
final class UpstreamGate: Sendable {
    let service: String
    let maximumConcurrent: Int
    let maximumWaiting: Int
    let maximumWait: Duration

    private struct State {
        var health: UpstreamHealth
        var inFlight = 0
        var nextTicket = 0
        /// Waiting callers in arrival order.
        var waiting: [(ticket: Int, continuation: CheckedContinuation<Void, any Error>)] = []
    }

    private let state: Mutex<State>

    init(
        service: String, maximumConcurrent: Int, maximumWaiting: Int? = nil, maximumWait: Duration = .seconds(5),
        health: UpstreamHealth = UpstreamHealth()
    ) {
        precondition(maximumConcurrent > 0)
        self.service = service
        self.maximumConcurrent = maximumConcurrent
        self.maximumWaiting = maximumWaiting ?? maximumConcurrent * 8
        self.maximumWait = maximumWait
        self.state = Mutex(State(health: health))
    }

    /// Requests asking now and waiting for a turn.
    var usage: (inFlight: Int, waiting: Int) { state.withLock { ($0.inFlight, $0.waiting.count) } }

    /// Runs `work` when its turn comes and the service is not paused; `work` says what its
    /// answer tells of the service's health.
    func run<T: Sendable>(
        _ work: () async throws -> (T, UpstreamHealth.Outcome)
    ) async throws -> T {
        try await takeTurn()
        var probing = false
        defer {
            let next = state.withLock { state -> CheckedContinuation<Void, any Error>? in
                if probing { state.health.probeAbandoned(now: .now) }
                guard !state.waiting.isEmpty else {
                    state.inFlight -= 1
                    return nil
                }
                return state.waiting.removeFirst().continuation  // the turn passes on
            }
            next?.resume()
        }
        let admission = state.withLock { $0.health.admit(now: .now) }
        switch admission {
        case .refused(let retryAfter):
            throw UpstreamRefusal.paused(service: service, retryAfter: retryAfter)
        case .probe:
            probing = true
        case .go:
            break
        }
        let (value, outcome) = try await work()
        state.withLock {
            $0.health.record(outcome, now: .now)
            probing = false
        }
        return value
    }

    /// How long the service is paused for, nil while it may be asked (for pages and metrics).
    var pausedFor: Duration? {
        state.withLock { state in
            if case .paused(let until) = state.health.state, until > .now { return until - .now }
            return nil
        }
    }

    /// A slot of `maximumConcurrent`, at once or in arrival order within `maximumWait`.
    private func takeTurn() async throws {
        let ticket = try state.withLock { state throws(UpstreamRefusal) -> Int? in
            if state.inFlight < maximumConcurrent, state.waiting.isEmpty {
                state.inFlight += 1
                return nil
            }
            guard state.waiting.count < maximumWaiting else { throw UpstreamRefusal.busy(service: service) }
            state.nextTicket += 1
            return state.nextTicket
        }
        guard let ticket else { return }
        let granted = try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask { try await self.wait(ticket: ticket) }
            group.addTask {
                try await Task.sleep(for: self.maximumWait)
                return false
            }
            let first = try await group.next() ?? false
            group.cancelAll()
            // The waiter, cancelled after its turn came, still holds it: pass it on.
            var granted = first
            while let other = await group.nextResult() { granted = granted || ((try? other.get()) ?? false) }
            return granted
        }
        if !granted { throw UpstreamRefusal.busy(service: service) }
    }

    /// Waits for `ticket`'s turn; true when it came (also when cancelled just after), throws
    /// `CancellationError` when cancelled while still waiting.
    private func wait(ticket: Int) async throws -> Bool {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let cancelled = state.withLock { state in
                    if Task.isCancelled { return true }
                    state.waiting.append((ticket, continuation))
                    return false
                }
                if cancelled { continuation.resume(throwing: CancellationError()) }
            }
            return true
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, any Error>? in
                guard let index = state.waiting.firstIndex(where: { $0.ticket == ticket }) else { return nil }
                return state.waiting.remove(at: index).continuation
            }
            waiter?.resume(throwing: CancellationError())
        }
    }
}

/// The upstream was not asked: it is paused, or too many requests wait for it.
enum UpstreamRefusal: Error, Equatable, CustomStringConvertible {
    case paused(service: String, retryAfter: Duration)
    case busy(service: String)

    var retryAfter: Duration {
        switch self {
        case .paused(_, let retryAfter): return max(retryAfter, .seconds(1))
        case .busy: return .seconds(2)
        }
    }

    var description: String {
        switch self {
        case .paused(let service, _): return "the \(service) service is paused after failures or a request to slow down"
        case .busy(let service): return "too many requests are waiting for the \(service) service"
        }
    }
}
