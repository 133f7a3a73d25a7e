import Foundation
import PostgresNIO
import SyncProtocol

/// Turns `DATABASE_URL` (or, without it, the standard `PG*` variables) into a client configuration.
enum DatabaseSettings {
    static func configuration(_ settings: SettingsReader) throws(ConfigurationError) -> PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        if let url = settings.raw("DATABASE_URL") {
            configuration = try parse(url: url)
        } else {
            let user = settings.string("PGUSER", default: "postgres")
            let host = settings.string("PGHOST", default: "localhost")
            let port = try settings.port("PGPORT", default: 5432)
            let password = settings.raw("PGPASSWORD")
            let database = settings.string("PGDATABASE", default: user)
            if host.hasPrefix("/") {
                configuration = .init(
                    unixSocketPath: "\(host)/.s.PGSQL.\(port)", username: user, password: password, database: database)
            } else {
                configuration = .init(
                    host: host, port: port, username: user, password: password, database: database, tls: .disable)
            }
        }
        configuration.options.maximumConnections = try settings.integer(
            "DATABASE_POOL_SIZE", default: 16, in: 1...1000)
        // `off` lets a commit return before its WAL is flushed: a database crash may forget the last
        // fraction of a second of lookups (never half a transaction), for several times the lookup rate.
        let synchronousCommit = settings.string("DATABASE_SYNCHRONOUS_COMMIT", default: "on").lowercased()
        guard ["on", "off"].contains(synchronousCommit) else {
            throw ConfigurationError(
                key: "DATABASE_SYNCHRONOUS_COMMIT", problem: "'\(synchronousCommit)' is not on or off")
        }
        if synchronousCommit == "off" {
            configuration.options.additionalStartupParameters.append(("synchronous_commit", "off"))
        }
        // A transaction left open on one of the node's sessions would hold back the changes feed's
        // horizon (and so the whole feed) for every neighbour: PostgreSQL ends it after this long.
        let idle = try settings.seconds("DATABASE_IDLE_TRANSACTION_TIMEOUT_SECONDS", default: 60)
        configuration.options.additionalStartupParameters.append(
            ("idle_in_transaction_session_timeout", String(idle.wholeNanoseconds / 1_000_000)))
        return configuration
    }

    /// `postgres://user:password@host:port/database`; `?host=/socket/dir` selects a Unix socket.
    /// TLS is not used: the database sits on the node's own internal network.
    static func parse(url text: String) throws(ConfigurationError) -> PostgresClient.Configuration {
        let problem = ConfigurationError(
            key: "DATABASE_URL", problem: "expected postgres://user:password@host:port/database")
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
        return .init(
            host: host, port: port, username: user, password: password,
            database: database?.isEmpty == false ? database : user, tls: .disable)
    }
}
