import Foundation
import NIOSSL
import PostgresNIO
import SyncProtocol

/// Turns `DATABASE_URL` (or, without it, the standard `PG*` variables) into a client configuration.
enum DatabaseSettings {
    static func configuration(_ settings: SettingsReader) throws(ConfigurationError) -> PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        if let url = settings.raw(.databaseURL) {
            configuration = try parse(url: url)
        } else {
            let user = settings.string(.pgUser, default: "postgres")
            let host = settings.string(.pgHost, default: "localhost")
            let port = try settings.port(.pgPort, default: 5432)
            let password = settings.raw(.pgPassword)
            let database = settings.string(.pgDatabase, default: user)
            if host.hasPrefix("/") {
                configuration = .init(
                    unixSocketPath: "\(host)/.s.PGSQL.\(port)", username: user, password: password, database: database)
            } else {
                configuration = .init(
                    host: host, port: port, username: user, password: password, database: database, tls: .disable)
            }
        }
        // A secret mounted as a file (Docker and Swarm secrets, Kubernetes Secret volumes) wins over
        // a password in the URL or PGPASSWORD, so that no password needs to sit in the environment.
        if let file = settings.raw(.databasePasswordFile) {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw ConfigurationError(key: .databasePasswordFile, problem: "cannot read '\(file)'")
            }
            var password = Substring(text)
            // `isNewline`, not `== "\n"`: a file saved on Windows ends in "\r\n", one Character.
            while password.last?.isNewline == true { password.removeLast() }
            configuration.password = String(password)
        }
        // At least 3: the change listener and the database watch each hold one for good.
        configuration.options.maximumConnections = try settings.integer(
            .databasePoolSize, default: 16, in: 3...1000)
        // `off` lets a commit return before its WAL is flushed: a database crash may forget the last
        // fraction of a second of lookups (never half a transaction), for several times the lookup rate.
        let synchronousCommit = settings.string(.databaseSynchronousCommit, default: "on").lowercased()
        guard ["on", "off"].contains(synchronousCommit) else {
            throw ConfigurationError(
                key: .databaseSynchronousCommit, problem: "'\(synchronousCommit)' is not on or off")
        }
        if synchronousCommit == "off" {
            configuration.options.additionalStartupParameters.append(("synchronous_commit", "off"))
        }
        // A transaction left open on one of the node's sessions would hold back the changes feed's
        // horizon (and so the whole feed) for every neighbour: PostgreSQL ends it after this long.
        let idle = try settings.seconds(.databaseIdleTransactionTimeoutSeconds, default: 60)
        configuration.options.additionalStartupParameters.append(
            ("idle_in_transaction_session_timeout", String(idle.wholeNanoseconds / 1_000_000)))
        // No JIT compilation: the node's queries are short, and a range query whose bounds are
        // parameters is estimated at thousands of times its real size, which made PostgreSQL spend
        // 200 ms compiling an anti-entropy digest that runs in 170 ms.
        configuration.options.additionalStartupParameters.append(("jit", "off"))
        return configuration
    }

    /// `postgres://user:password@host:port/database`; `?host=/socket/dir` selects a Unix socket;
    /// `?sslmode=` and `?sslrootcert=` choose TLS as libpq does (see ``tls(sslmode:rootCertificate:)``).
    static func parse(url text: String) throws(ConfigurationError) -> PostgresClient.Configuration {
        let problem = ConfigurationError(
            key: .databaseURL, problem: "expected postgres://user:password@host:port/database")
        guard let components = URLComponents(string: text),
            ["postgres", "postgresql"].contains(components.scheme ?? "")
        else { throw problem }
        let user = components.user?.removingPercentEncoding ?? "postgres"
        let password = components.password?.removingPercentEncoding
        let database = String(components.path.drop { $0 == "/" }).removingPercentEncoding
        let port = components.port ?? 5432
        let socketDirectory = components.queryItems?.first { $0.name == "host" }?.value
        if let socketDirectory, socketDirectory.hasPrefix("/") {
            return .init(
                unixSocketPath: "\(socketDirectory)/.s.PGSQL.\(port)", username: user, password: password,
                database: database?.isEmpty == false ? database : user)
        }
        guard let host = components.host, !host.isEmpty else { throw problem }
        let query = { (name: String) in components.queryItems?.first { $0.name == name }?.value }
        return .init(
            host: host, port: port, username: user, password: password,
            database: database?.isEmpty == false ? database : user,
            tls: try tls(sslmode: query("sslmode"), rootCertificate: query("sslrootcert")))
    }

    /// libpq's `sslmode`: `disable` (the default here: a node's database sits on its own internal
    /// network), `prefer` (TLS when the server offers it), `require` (TLS, certificate not checked),
    /// `verify-ca` (certificate signed by a trusted authority) and `verify-full` (and issued for the
    /// host name). `sslrootcert` names a PEM file of trusted authorities (the system's otherwise).
    static func tls(
        sslmode: String?, rootCertificate: String?
    ) throws(ConfigurationError) -> PostgresClient.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let rootCertificate {
            guard FileManager.default.isReadableFile(atPath: rootCertificate) else {
                throw ConfigurationError(
                    key: .databaseURL, problem: "sslrootcert '\(rootCertificate)' cannot be read")
            }
            tls.trustRoots = .file(rootCertificate)
        }
        switch sslmode ?? "disable" {
        case "disable": return .disable
        case "prefer", "allow":
            tls.certificateVerification = .none
            return .prefer(tls)
        case "require":
            tls.certificateVerification = .none
            return .require(tls)
        case "verify-ca":
            tls.certificateVerification = .noHostnameVerification
            return .require(tls)
        case "verify-full":
            tls.certificateVerification = .fullVerification
            return .require(tls)
        case let other:
            throw ConfigurationError(
                key: .databaseURL,
                problem: "sslmode '\(other)' is not disable, allow, prefer, require, verify-ca or verify-full")
        }
    }
}
