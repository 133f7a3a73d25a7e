import Foundation
import Testing

@testable import Website

/// A node its database refuses says why, with the fix, instead of only the pool's
/// `connectionCreationCircuitBreakerTripped`.
@Suite struct DatabaseLoginDiagnosisTests {
    @Test func aPasswordThatNoLongerMatchesNamesTheFix() throws {
        let message = try #require(
            DatabaseLoginDiagnosis.message(sqlState: "28P01", user: "website", database: "heads"))
        #expect(message.contains("28P01") && message.contains("ALTER ROLE website") && message.contains("DB_PASSWORD"))
        #expect(DatabaseLoginDiagnosis.message(sqlState: "57P03", user: "website", database: "heads") == nil)
        #expect(DatabaseLoginDiagnosis.message(sqlState: nil, user: "website", database: "heads") == nil)
    }

    /// Against the real test server: a database that does not exist is named as such; one that
    /// exists gives no diagnosis.
    @Test func aDirectConnectionGetsTheServersReason() async throws {
        var missing = try DatabaseSettings.parse(url: TestDatabase.adminURL)
        missing.database = "no_such_database_\(UInt32.random(in: 0...UInt32.max))"
        let cause = await DatabaseLoginDiagnosis.explain(missing, usesTLS: false, logger: TestDatabase.logger)
        #expect(cause?.contains("3D000") == true, "\(cause ?? "no diagnosis")")
        let fine = try DatabaseSettings.parse(url: TestDatabase.adminURL)
        #expect(await DatabaseLoginDiagnosis.explain(fine, usesTLS: false, logger: TestDatabase.logger) == nil)
    }
}
