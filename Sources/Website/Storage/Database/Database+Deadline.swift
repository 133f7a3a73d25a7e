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
        let outcome = OnceAnswer<T>()
        let worker = Task {
            do { outcome.answer(.success(try await work())) } catch { outcome.answer(.failure(error)) }
        }
        defer { worker.cancel() }
        var check: (@Sendable () -> Result<T, any Error>?)?
        if let breaker {
            check = {
                guard breaker.isOpen else { return nil }
                return .failure(DatabaseUnavailable(reason: "the database stopped answering"))
            }
        }
        return try await outcome.value(
            timeout: timeout, expired: .failure(DatabaseTimeout(timeout: timeout)),
            cancelled: .failure(CancellationError()), check: check)
    }
}

/// The database did not answer in time.
struct DatabaseTimeout: Error, CustomStringConvertible {
    var timeout: Duration
    var description: String { "the database did not answer within \(timeout)" }
}
