import Foundation
import PostgresNIO
import Testing

@testable import Website

/// `DATABASE_URL`'s `sslmode` against a real PostgreSQL serving TLS (scripts/test's throwaway
/// cluster has a certificate for `localhost` from an authority in `PG_THROWAWAY_CA`).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["PG_THROWAWAY_CA"] != nil, "needs scripts/test's TLS cluster"))
struct DatabaseTLSTests {
    static func usesTLS(_ url: String) async throws -> Bool? {
        try await TestDatabase.scalar(url, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", as: Bool.self)
    }

    func url(_ query: String) -> String {
        var components = URLComponents(string: TestDatabase.adminURL)!
        components.host = "localhost"
        components.query = query
        return components.string!
    }

    @Test func sslmodeChoosesTLSAndVerifiesTheServer() async throws {
        let authority = ProcessInfo.processInfo.environment["PG_THROWAWAY_CA"]!
        #expect(try await Self.usesTLS(url("sslmode=verify-full&sslrootcert=\(authority)")) == true)
        #expect(try await Self.usesTLS(url("sslmode=verify-ca&sslrootcert=\(authority)")) == true)
        #expect(try await Self.usesTLS(url("sslmode=require")) == true)
        #expect(try await Self.usesTLS(url("sslmode=prefer")) == true)
        #expect(try await Self.usesTLS(url("sslmode=disable")) == false)
        #expect(try await Self.usesTLS(TestDatabase.adminURL) == false)
    }
}
