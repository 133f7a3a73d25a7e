import Synchronization

/// One answer for one waiting caller, given by whichever of several contenders comes first (the
/// work, a timer, a notification, the caller's cancellation), in whatever order they arrive: an
/// answer may come before the caller has started to wait. Later answers are ignored.
///
/// The one place where a continuation meets a timer: ``Database`` deadlines and ``ChangeSignal``
/// waits both go through ``value(timeout:expired:cancelled:check:)``.
final class OnceAnswer<T: Sendable>: Sendable {
    private enum State {
        /// Nobody has answered and nobody waits yet.
        case open
        /// Answered before the caller waited: handed over as soon as it does.
        case answered(Result<T, any Error>)
        case waiting(CheckedContinuation<T, any Error>)
        /// The caller has its answer.
        case done
    }

    private let state = Mutex(State.open)

    /// Gives `result` unless an answer came first; returns whether this one counted.
    @discardableResult
    func answer(_ result: Result<T, any Error>) -> Bool {
        let (counted, continuation) = state.withLock { state -> (Bool, CheckedContinuation<T, any Error>?) in
            switch state {
            case .open:
                state = .answered(result)
                return (true, nil)
            case .waiting(let continuation):
                state = .done
                return (true, continuation)
            case .answered, .done:
                return (false, nil)
            }
        }
        continuation?.resume(with: result)
        return counted
    }

    /// Waits for the first answer. Meanwhile a timer answers `expired` once `timeout` has passed,
    /// checking `check` every 50 ms (an answer it returns ends the wait sooner), and cancelling the
    /// caller answers `cancelled` at once. The timer is stopped when the caller has its answer.
    func value(
        timeout: Duration, expired: Result<T, any Error>, cancelled: Result<T, any Error>,
        check: (@Sendable () -> Result<T, any Error>?)? = nil
    ) async throws -> T {
        let timer = Task { [self] in
            let end = ContinuousClock.now + timeout
            // Most waits end within the first step, and the timer never wakes.
            let step: Duration = check == nil ? timeout : .milliseconds(50)
            while ContinuousClock.now < end {
                // Only a timeout that really passed answers; a cancelled timer does nothing.
                guard (try? await Task.sleep(for: min(step, end - ContinuousClock.now))) != nil else { return }
                if let early = check?() {
                    answer(early)
                    return
                }
            }
            answer(expired)
        }
        defer { timer.cancel() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let ready = state.withLock { state -> Result<T, any Error>? in
                    guard case .answered(let result) = state else {
                        state = .waiting(continuation)
                        return nil
                    }
                    state = .done
                    return result
                }
                if let ready { continuation.resume(with: ready) }
            }
        } onCancel: {
            answer(cancelled)
        }
    }
}
