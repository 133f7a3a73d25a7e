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
                while !released.value { try? await Task.sleep(for: .milliseconds(10)) }
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
}
