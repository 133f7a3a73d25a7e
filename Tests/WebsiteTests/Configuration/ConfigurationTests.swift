import Configuration
import Foundation
import Testing

@testable import Website

@Suite struct ConfigurationTests {
    func load(_ environment: [String: String]) throws(ConfigurationError) -> AppConfiguration {
        try AppConfiguration(reader: .init(provider: EnvironmentVariablesProvider(environmentVariables: environment)))
    }

    @Test func defaults() throws {
        let configuration = try load([:])
        #expect(configuration.httpHost == "0.0.0.0")
        #expect(configuration.httpPort == 8080)
        #expect(configuration.mojangAPIURL == "https://api.mojang.com")
        #expect(configuration.avatarURL == "https://mc-heads.net/avatar")
        #expect(configuration.logLevel == .info)
        #expect(configuration.database.database == "postgres")
    }

    @Test(arguments: [
        ("HTTP_PORT", "eighty"), ("HTTP_PORT", "70000"), ("MOJANG_API_URL", "ftp://x"), ("AVATAR_URL", "nope"),
        ("PROFILE_CACHE_SECONDS", "-1"), ("UPSTREAM_TIMEOUT_SECONDS", "soon"), ("LOG_LEVEL", "loud"),
        ("DATABASE_URL", "mysql://x/y"), ("DATABASE_POOL_SIZE", "0"), ("DATABASE_POOL_SIZE", "2"),
        ("SYNC_WAIT_SECONDS", "61"),
        ("SYNC_BATCH_SIZE", "0"), ("DISCOVERY_INTERVAL_SECONDS", "never"), ("DATABASE_SYNCHRONOUS_COMMIT", "maybe"),
        ("DATABASE_URL", "postgres://u@db/heads?sslmode=sometimes"), ("DATABASE_PASSWORD_FILE", "/nonexistent/secret"),
        ("TLS_CERTIFICATE_FILE", "/nonexistent/cert.pem"), ("SYNC_TLS_CA_FILE", "/nonexistent/ca.pem"),
        ("DATABASE_WATCH_SECONDS", "soon"), ("LIVE_MAX_CONNECTIONS", "-1"),
    ])
    func badValueNamesItsKey(_ key: String, _ value: String) {
        #expect {
            try load([key: value])
        } throws: { error in
            // The database URL is not echoed: it may hold a password.
            (error as? ConfigurationError)?.key == key
                && (key == "DATABASE_URL" || key == "SYNC_WAIT_SECONDS" || "\(error)".contains(value))
        }
    }

    @Test func theDatabaseWatchDefaultsToSixTenthsOfASecondAndZeroTurnsItOff() throws {
        #expect(try load([:]).databaseWatchDeadline == .milliseconds(600))
        #expect(try load(["DATABASE_WATCH_SECONDS": "0"]).databaseWatchDeadline == nil)
        #expect(try load(["DATABASE_WATCH_SECONDS": "2.5"]).databaseWatchDeadline == .milliseconds(2500))
    }

    @Test func flagsOverrideEnvironment() throws {
        let configuration = try AppConfiguration(
            reader: .init(providers: [
                CommandLineArgumentsProvider(arguments: ["website", "--http-port", "9001"]),
                EnvironmentVariablesProvider(environmentVariables: ["HTTP_PORT": "9000", "NODE_NAME": "a"]),
            ]))
        #expect(configuration.httpPort == 9001)
        #expect(configuration.nodeName == "a")
        #expect(throws: ConfigurationError.self) { try AppConfiguration.checkFlags(["website", "--http-prot", "1"]) }
        try AppConfiguration.checkFlags(["website", "--http-port=1", "--node-name", "x"])
    }

    @Test func databaseURLForms() throws {
        let tcp = try DatabaseSettings.parse(url: "postgres://user:p%40ss@db-a:5433/heads")
        #expect(tcp.host == "db-a")
        #expect(tcp.port == 5433)
        #expect(tcp.username == "user")
        #expect(tcp.password == "p@ss")
        #expect(tcp.database == "heads")
        let socket = try DatabaseSettings.parse(url: "postgresql://postgres@/heads?host=/run/postgresql")
        #expect(socket.unixSocketPath == "/run/postgresql/.s.PGSQL.5432")
    }

    /// A secret file (Docker, Swarm or Kubernetes) gives the password; its trailing newline is not part of it.
    @Test func passwordFromASecretFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("secret-\(UUID().uuidString)").path
        try "s3cret pass\n".write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let configuration = try load([
            "DATABASE_URL": "postgres://website:literal@db-a/heads", "DATABASE_PASSWORD_FILE": file,
        ])
        #expect(configuration.database.password == "s3cret pass")
        #expect(try load(["PGPASSWORD": "x", "DATABASE_PASSWORD_FILE": file]).database.password == "s3cret pass")
        // Saved on Windows (CRLF, one Character in Swift) or with a lone CR: the same password.
        for ending in ["\r\n", "\r", "\r\n\r\n"] {
            try "s3cret pass\(ending)".write(toFile: file, atomically: true, encoding: .utf8)
            #expect(try load(["DATABASE_PASSWORD_FILE": file]).database.password == "s3cret pass")
        }
    }

    @Test func certificateAndKeyGoTogether() throws {
        let certificates = try TestCertificates.make(names: ["node.test"])
        #expect(
            throws: ConfigurationError(
                key: "TLS_KEY_FILE", problem: "TLS_CERTIFICATE_FILE and TLS_KEY_FILE go together")
        ) {
            try load(["TLS_CERTIFICATE_FILE": certificates.certificate("node.test")])
        }
        let configuration = try load([
            "TLS_CERTIFICATE_FILE": certificates.certificate("node.test"),
            "TLS_KEY_FILE": certificates.key("node.test"),
        ])
        #expect(configuration.tlsKeyFile == certificates.key("node.test"))
    }
}
