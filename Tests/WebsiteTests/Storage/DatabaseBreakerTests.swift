import PostgresNIO
import Synchronization
import Testing

@testable import Website

@Suite struct DatabaseBreakerTests {
    /// Runs `body` while the breaker's service runs, then ends the service and waits for it.
    static func running(_ breaker: DatabaseBreaker, _ body: () async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await breaker.run() }
            try await body()
            group.cancelAll()
            try await group.waitForAll()
        }
    }

    /// A query that missed its deadline on a database that still answers (a busy one) keeps the
    /// breaker open only until the first probe answers, which goes at once: with an hour between
    /// probes, the breaker could not close within the test otherwise.
    @Test func aProbeThatAnswersClosesTheBreakerWithoutWaitingAnInterval() async throws {
        let breaker = DatabaseBreaker(probeInterval: .seconds(3600))
        try await Self.running(breaker) {
            let probes = Mutex(0)
            let released = ManagedFlag()
            breaker.trip(
                reason: "slow query",
                probe: {
                    probes.withLock { $0 += 1 }
                    // Answers once the test has seen the breaker open (the probe's round trip).
                    await released.wait()
                }, logger: TestDatabase.logger)
            #expect(throws: DatabaseUnavailable.self) { try breaker.check() }
            released.set()
            #expect(await Self.eventually { !breaker.isOpen })
            #expect(probes.withLock { $0 } == 1)
            try breaker.check()
        }
    }

    /// A breaker opened by the database's own "unavailable" (the watch's probe went unanswered)
    /// says so once in what the visitor's request logs, not "unavailable: unavailable: …".
    @Test func aBreakerOpenedByUnavailabilitySaysItOnce() async throws {
        let client = PostgresClient(
            configuration: .init(host: "127.0.0.1", username: "nobody", password: nil, database: nil, tls: .disable))
        let database = Database(client: client, timeout: .seconds(1), logger: TestDatabase.logger)
        database.trip(DatabaseUnavailable(reason: "it did not answer a probe"))
        let error = try #require(throws: DatabaseUnavailable.self) { try database.breaker.check() }
        #expect(
            error.description
                == "the database is unavailable: it did not answer a probe; waiting for it to answer again")
    }

    /// While the probes fail (a database that does not answer), the breaker stays open and
    /// requests are refused at once; the first probe that answers closes it.
    @Test func theBreakerStaysOpenUntilAProbeAnswers() async throws {
        struct Down: Error {}
        let breaker = DatabaseBreaker(probeInterval: .milliseconds(10))
        try await Self.running(breaker) {
            let answering = Mutex(false)
            let probes = Mutex(0)
            breaker.trip(
                reason: "down",
                probe: {
                    probes.withLock { $0 += 1 }
                    if !answering.withLock({ $0 }) { throw Down() }
                }, logger: TestDatabase.logger)
            #expect(await Self.eventually { probes.withLock { $0 } >= 3 })
            #expect(breaker.isOpen)
            #expect(throws: DatabaseUnavailable.self) { try breaker.check() }
            answering.withLock { $0 = true }
            #expect(await Self.eventually { !breaker.isOpen })
        }
    }

    /// The probing is owned by the breaker's service: ending the service ends a probe that never
    /// answers (a stopped database), instead of leaving it running.
    @Test func endingTheServiceEndsAProbeThatNeverAnswers() async throws {
        let breaker = DatabaseBreaker(probeInterval: .milliseconds(10))
        let probing = ManagedFlag()
        let ended = ManagedFlag()
        try await Self.running(breaker) {
            breaker.trip(
                reason: "stopped",
                probe: {
                    probing.set()
                    // A database that never answers: the probe waits until it is cancelled.
                    await withTaskCancellationHandler {
                        await ended.wait()
                    } onCancel: {
                        ended.set()
                    }
                    throw CancellationError()
                }, logger: TestDatabase.logger)
            await probing.wait()
        }
        #expect(ended.value)
        #expect(breaker.isOpen)
    }

    /// Polls `condition` for up to ten seconds.
    static func eventually(_ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return condition()
    }
}
