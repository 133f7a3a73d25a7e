import Testing

@testable import Website

@Suite struct DeadlineTests {
    /// The stuck work ignores cancellation and runs until the test releases it, after the
    /// deadline has answered: the caller is not held by the work, whatever the machine's speed.
    @Test func stuckWorkTimesOutWithoutHoldingTheCaller() async throws {
        let released = ManagedFlag()
        let finished = ManagedFlag()
        await #expect(throws: DatabaseTimeout.self) {
            // Ignores cancellation, like a query on a database that stopped answering.
            try await Database.withDeadline(.milliseconds(100)) {
                await released.wait()
                finished.set()
                return 1
            }
        }
        #expect(!finished.value)
        released.set()
    }

    @Test func workThatFinishesInTimeReturnsItsResultOrError() async throws {
        #expect(try await Database.withDeadline(.seconds(5)) { 42 } == 42)
        struct Boom: Error {}
        await #expect(throws: Boom.self) { try await Database.withDeadline(.seconds(5)) { throw Boom() } }
    }

    /// A caller cancelled while its work is stuck is answered at once, not after the deadline
    /// (background work's is 30 s): shutting down does not wait for a database that stopped.
    @Test func aCancelledCallerIsAnsweredAtOnce() async throws {
        let started = ManagedFlag()
        let released = ManagedFlag()
        let caller = Task {
            try await Database.withDeadline(.seconds(20)) {
                started.set()
                await released.wait()
                return 1
            }
        }
        while !started.value { try await Task.sleep(for: .milliseconds(5)) }
        caller.cancel()
        await #expect(throws: CancellationError.self) { try await caller.value }
        released.set()
    }
}
