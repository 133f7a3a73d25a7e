import Synchronization

/// The deadline every query runs under: whichever of the work, the timer, an opened breaker and
/// the caller's cancellation comes first answers the caller.
extension Database {
    /// Runs `work`, or throws ``DatabaseTimeout`` once `timeout` has passed, or
    /// ``DatabaseUnavailable`` as soon as `breaker` opens meanwhile (``DatabaseWatch`` found the
    /// database gone: waiting longer would only make the visitor wait), or `CancellationError` as
    /// soon as the caller is cancelled. Whichever comes first answers; on a deadline, an open
    /// breaker or cancellation the work is cancelled and left to finish on its own: a stuck query
    /// must not hold the caller.
    static func withDeadline<T: Sendable>(
        _ timeout: Duration, giveUpWhenOpen breaker: DatabaseBreaker? = nil,
        _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let outcome = Outcome<T>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                outcome.waiting(continuation)
                let timer = Task {
                    let end = ContinuousClock.now + timeout
                    // Most queries answer within the first step, and the timer never wakes.
                    while ContinuousClock.now < end {
                        try await Task.sleep(for: min(.milliseconds(50), end - ContinuousClock.now))
                        if let breaker, breaker.isOpen {
                            outcome.giveUp(DatabaseUnavailable(reason: "the database stopped answering"))
                            return
                        }
                    }
                    outcome.giveUp(DatabaseTimeout(timeout: timeout))
                }
                let worker = Task {
                    let result: Result<T, any Error>
                    do { result = .success(try await work()) } catch { result = .failure(error) }
                    timer.cancel()
                    outcome.finish(result)
                }
                outcome.onGivingUp {
                    worker.cancel()
                    timer.cancel()
                }
            }
        } onCancel: {
            outcome.giveUp(CancellationError())
        }
    }

    /// Answers the caller once, with whichever of the work, the timer and cancellation comes
    /// first, in whatever order they arrive (cancellation may come before the caller waits).
    private final class Outcome<T: Sendable>: Sendable {
        private struct State {
            var continuation: CheckedContinuation<T, any Error>?
            /// The first to finish, until the caller has it.
            var result: Result<T, any Error>?
            var answered = false
            var stopWork: (@Sendable () -> Void)?
            var gaveUp = false
        }
        private let state = Mutex(State())

        func waiting(_ continuation: CheckedContinuation<T, any Error>) {
            let ready = state.withLock { state -> Result<T, any Error>? in
                guard let result = state.result else {
                    state.continuation = continuation
                    return nil
                }
                state.answered = true
                return result
            }
            if let ready { continuation.resume(with: ready) }
        }

        /// `stop` cancels the work and the timer; run at once if the caller was already answered
        /// by the timer or cancellation.
        func onGivingUp(_ stop: @escaping @Sendable () -> Void) {
            let already = state.withLock { state in
                state.stopWork = stop
                return state.gaveUp
            }
            if already { stop() }
        }

        /// The work's own result.
        func finish(_ result: Result<T, any Error>) { answer(result, givingUp: false) }

        /// The deadline passed, the breaker opened or the caller was cancelled.
        func giveUp(_ error: any Error) { answer(.failure(error), givingUp: true) }

        private func answer(_ result: Result<T, any Error>, givingUp: Bool) {
            let (continuation, stop) = state.withLock {
                state -> (CheckedContinuation<T, any Error>?, (@Sendable () -> Void)?) in
                guard state.result == nil, !state.answered else { return (nil, nil) }
                state.result = result
                state.gaveUp = givingUp
                let continuation = state.continuation
                if continuation != nil {
                    state.continuation = nil
                    state.answered = true
                }
                return (continuation, givingUp ? state.stopWork : nil)
            }
            continuation?.resume(with: result)
            stop?()
        }
    }
}

/// The database did not answer in time.
struct DatabaseTimeout: Error, CustomStringConvertible {
    var timeout: Duration
    var description: String { "the database did not answer within \(timeout)" }
}
