import Testing

@testable import Website

@Suite struct DeadlineTests {
    @Test func stuckWorkTimesOutWithoutHoldingTheCaller() async throws {
        let started = ContinuousClock.now
        await #expect(throws: DatabaseTimeout.self) {
            // Ignores cancellation, like a query on a database that stopped answering.
            try await Database.withDeadline(.milliseconds(100)) {
                let until = ContinuousClock.now + .seconds(3)
                while ContinuousClock.now < until { try? await Task.sleep(for: .milliseconds(50)) }
                return 1
            }
        }
        #expect(ContinuousClock.now - started < .seconds(1))
    }

    @Test func workThatFinishesInTimeReturnsItsResultOrError() async throws {
        #expect(try await Database.withDeadline(.seconds(5)) { 42 } == 42)
        struct Boom: Error {}
        await #expect(throws: Boom.self) { try await Database.withDeadline(.seconds(5)) { throw Boom() } }
    }
}
