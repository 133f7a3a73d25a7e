import Foundation
import Logging
import PostgresNIO
import Synchronization
import Testing
import _ConnectionPoolModule

@testable import Website

@Suite struct StartupRetryTests {
    /// A node started before its database keeps trying (with growing waits) and starts once it answers.
    @Test func transientFailuresAreRetriedWithGrowingWaitsUntilTheWorkSucceeds() async throws {
        struct NotYet: Error {}
        let attempts = Mutex(0)
        let waits = Mutex<[Duration]>([])
        try await StartupRetry.run(
            backoff: .init(base: .milliseconds(500), cap: .seconds(10)), logger: TestDatabase.logger,
            isTransient: { $0 is NotYet }, sleep: { wait in waits.withLock { $0.append(wait) } }
        ) {
            let attempt = attempts.withLock { count in
                count += 1
                return count
            }
            if attempt < 8 { throw NotYet() }
        }
        #expect(attempts.withLock { $0 } == 8)
        let recorded = waits.withLock { $0 }
        #expect(recorded.count == 7)
        #expect(recorded.allSatisfy { $0 >= .milliseconds(100) && $0 <= .seconds(10) })
    }

    @Test func otherErrorsEndStartUpAtOnce() async throws {
        struct WrongPassword: Error {}
        let attempts = Mutex(0)
        await #expect(throws: WrongPassword.self) {
            try await StartupRetry.run(logger: TestDatabase.logger, sleep: { _ in }) {
                attempts.withLock { $0 += 1 }
                throw WrongPassword()
            }
        }
        #expect(attempts.withLock { $0 } == 1)
    }

    /// The pool's "no connection for a minute" and a database that stopped answering (paused) are
    /// waiting material; an error the server answered (here a syntax error from a real PostgreSQL)
    /// is not.
    @Test func databaseErrorsAreClassified() async throws {
        #expect(StartupRetry.databaseIsNotThereYet(ConnectionPoolError.connectionCreationCircuitBreakerTripped))
        #expect(StartupRetry.databaseIsNotThereYet(DatabaseUnavailable(reason: "the database stopped answering")))
        #expect(!StartupRetry.databaseIsNotThereYet(ConnectionPoolError.poolShutdown))
        let syntaxError = try await TestDatabase.withClient(TestDatabase.adminURL) { client in
            try await captured { _ = try await client.query("SELEKT 1") }
        }
        #expect(!StartupRetry.databaseIsNotThereYet(try #require(syntaxError)))
    }

    private func captured(_ work: () async throws -> Void) async throws -> (any Error)? {
        do {
            try await work()
            return nil
        } catch {
            return error
        }
    }
}
