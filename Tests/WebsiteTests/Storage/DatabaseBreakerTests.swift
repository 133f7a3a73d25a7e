import Synchronization
import Testing

@testable import Website

@Suite struct DatabaseBreakerTests {
    /// A query that missed its deadline on a database that still answers (a busy one) keeps the
    /// breaker open only until the first probe answers, which goes at once: with an hour between
    /// probes, the breaker could not close within the test otherwise.
    @Test func aProbeThatAnswersClosesTheBreakerWithoutWaitingAnInterval() async throws {
        let breaker = DatabaseBreaker(probeInterval: .seconds(3600))
        let probes = Mutex(0)
        let released = Mutex(false)
        breaker.trip(
            reason: "slow query",
            probe: {
                probes.withLock { $0 += 1 }
                // Answers once the test has seen the breaker open (the probe's round trip).
                while !released.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(5)) }
            }, logger: TestDatabase.logger)
        #expect(throws: DatabaseUnavailable.self) { try breaker.check() }
        released.withLock { $0 = true }
        #expect(await eventually { !breaker.isOpen })
        #expect(probes.withLock { $0 } == 1)
        try breaker.check()
    }

    /// While the probes fail (a database that does not answer), the breaker stays open and
    /// requests are refused at once; the first probe that answers closes it.
    @Test func theBreakerStaysOpenUntilAProbeAnswers() async throws {
        struct Down: Error {}
        let breaker = DatabaseBreaker(probeInterval: .milliseconds(10))
        let answering = Mutex(false)
        let probes = Mutex(0)
        breaker.trip(
            reason: "down",
            probe: {
                probes.withLock { $0 += 1 }
                if !answering.withLock({ $0 }) { throw Down() }
            }, logger: TestDatabase.logger)
        #expect(await eventually { probes.withLock { $0 } >= 3 })
        #expect(breaker.isOpen)
        #expect(throws: DatabaseUnavailable.self) { try breaker.check() }
        answering.withLock { $0 = true }
        #expect(await eventually { !breaker.isOpen })
    }

    /// Polls `condition` for up to ten seconds.
    private func eventually(_ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return condition()
    }
}
