import Logging
import NIOPosix
import PostgresNIO

/// Why the database refuses this node's connections, in words an operator can act on. The pool
/// only says that it gave up (`connectionCreationCircuitBreakerTripped`); one direct connection
/// gets the server's own answer. Plain connections only: over TLS the pool's error is all there is.
enum DatabaseLoginDiagnosis {
    static func explain(_ configuration: PostgresClient.Configuration, usesTLS: Bool, logger: Logger) async -> String? {
        guard !usesTLS else { return nil }
        let direct: PostgresConnection.Configuration
        if let path = configuration.unixSocketPath {
            direct = .init(
                unixSocketPath: path, username: configuration.username, password: configuration.password,
                database: configuration.database)
        } else if let host = configuration.host {
            direct = .init(
                host: host, port: configuration.port ?? 5432, username: configuration.username,
                password: configuration.password, database: configuration.database, tls: .disable)
        } else {
            return nil
        }
        do {
            let connection = try await PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.next(), configuration: direct, id: 0, logger: logger
            ).get()
            try? await connection.close()
            return nil
        } catch let error as PSQLError {
            return message(
                sqlState: error.serverInfo?[.sqlState], user: configuration.username, database: configuration.database)
        } catch {
            return nil
        }
    }

    /// The cause and the fix of a login the server refused, by its SQLSTATE; nil for any other error.
    static func message(sqlState: String?, user: String, database: String?) -> String? {
        switch sqlState {
        case "28P01":
            "the database refused the password of user '\(user)' (SQLSTATE 28P01): it was created with another "
                + "password. Give this node the password the database was created with (DATABASE_PASSWORD_FILE; "
                + "under compose, DB_PASSWORD in .env, written into the db-*-secret volume), or set the role's "
                + "password to this node's: ALTER ROLE \(user) PASSWORD '…'"
        case "28000":
            "the database refuses user '\(user)' (SQLSTATE 28000: no such role, or no pg_hba.conf entry for this "
                + "address): check the user in DATABASE_URL or PGUSER, and the server's pg_hba.conf"
        case "3D000":
            "database '\(database ?? user)' does not exist (SQLSTATE 3D000): create it, or fix the database in "
                + "DATABASE_URL or PGDATABASE"
        default:
            nil
        }
    }
}
