import Configuration
import Foundation
import Logging
import PostgresNIO
import SyncProtocol

/// Everything a node reads at start-up, from flags (`--http-port 8080`) and environment variables
/// (`HTTP_PORT=8080`); flags win. Every key is documented in the README's configuration table.
public struct AppConfiguration: Sendable {
    public var httpHost: String
    public var httpPort: Int
    /// Connections idle (or trickling a request) longer than this are closed.
    public var httpIdleTimeout: Duration
    public var database: PostgresClient.Configuration
    /// How long a request waits for the database before the page says it is unavailable (503).
    public var databaseTimeout: Duration
    public var nodeName: String
    /// Where visitors reach this node from outside, published in its node record (optional).
    public var nodeURL: String?
    public var mojangAPIURL: String
    public var avatarURL: String
    /// How long a stored profile answers lookups before the upstream is asked again.
    public var profileCacheTime: Duration
    /// Timeout of each request to the upstream profile and avatar services.
    public var upstreamTimeout: Duration
    public var logLevel: Logger.Level
    /// Neighbours given directly (`name`, `name:port` or `http://host:port`, comma separated).
    public var peers: String
    /// The `peers` file: one neighbour per line, `#` comments; re-read when it changes.
    public var peersFile: String
    /// How often neighbour names are resolved again and their addresses asked who they are.
    public var discoveryInterval: Duration
    /// Most records asked for in one changes request.
    public var syncBatchSize: Int
    /// How long a caught-up puller's changes request waits for a change (long-poll).
    public var syncWait: Duration
    /// Deadline of a sync request beyond its long-poll wait.
    public var syncTimeout: Duration
    /// Largest changes answer accepted from a neighbour.
    public var syncMaximumResponseBytes: Int
    /// How far ahead of this node's clock a neighbour's record may be timed.
    public var syncFutureTolerance: Duration
    /// How many origins this node has never seen one neighbour may introduce per hour.
    public var syncMaximumNewOriginsPerHour: Int
    /// Blocked node ids given directly (comma separated).
    public var blocklist: String
    /// The `blocklist` file: one node id per line, `#` comments; re-read when it changes.
    public var blocklistFile: String
    /// How often each neighbour's data is compared by digests (anti-entropy); nil turns it off.
    public var antiEntropyInterval: Duration?
    /// Which profile service this node's profiles come from; neighbours must name the same one
    /// before their profiles and heads are merged. Defaults to the profile URL's scheme and host.
    public var upstreamRealm: String
    /// PEM certificate chain and key: when both are set the node serves HTTPS instead of HTTP.
    public var tlsCertificateFile: String?
    public var tlsKeyFile: String?
    /// PEM file of certificate authorities trusted for `https://` neighbours besides the system's.
    public var syncTLSAuthorityFile: String?

    /// Reads and checks the configuration; the error names the key and what is wrong with it.
    public init(reader: ConfigReader) throws(ConfigurationError) {
        let settings = SettingsReader(reader: reader)
        self.httpHost = settings.string("HTTP_HOST", default: "0.0.0.0")
        self.httpPort = try settings.port("HTTP_PORT", default: 8080)
        self.httpIdleTimeout = try settings.seconds("HTTP_IDLE_TIMEOUT", default: 30)
        self.database = try DatabaseSettings.configuration(settings)
        self.databaseTimeout = try settings.seconds("DATABASE_TIMEOUT_SECONDS", default: 5)
        self.nodeName = settings.string("NODE_NAME", default: ProcessInfo.processInfo.hostName)
        self.nodeURL = settings.raw("NODE_URL") == nil ? nil : try settings.httpURL("NODE_URL", default: "")
        self.mojangAPIURL = try settings.httpURL("MOJANG_API_URL", default: "https://api.mojang.com")
        self.avatarURL = try settings.httpURL("AVATAR_URL", default: "https://mc-heads.net/avatar")
        self.profileCacheTime = try settings.seconds("PROFILE_CACHE_SECONDS", default: 3600)
        self.upstreamTimeout = try settings.seconds("UPSTREAM_TIMEOUT_SECONDS", default: 5)
        self.logLevel = try settings.logLevel("LOG_LEVEL", default: .info)
        self.peers = settings.string("PEERS", default: "")
        self.peersFile = settings.string("PEERS_FILE", default: "peers")
        self.discoveryInterval = try settings.seconds("DISCOVERY_INTERVAL_SECONDS", default: 10)
        self.syncBatchSize = try settings.integer("SYNC_BATCH_SIZE", default: 1000, in: 1...5000)
        self.syncWait = try settings.seconds("SYNC_WAIT_SECONDS", default: 25)
        guard syncWait <= .seconds(60) else {
            throw ConfigurationError(key: "SYNC_WAIT_SECONDS", problem: "at most 60 (the longest wait a node serves)")
        }
        self.syncTimeout = try settings.seconds("SYNC_TIMEOUT_SECONDS", default: 10)
        self.syncMaximumResponseBytes = try settings.integer(
            "SYNC_MAX_RESPONSE_BYTES", default: 16 * 1024 * 1024, in: 1024...1024 * 1024 * 1024)
        self.syncFutureTolerance = try settings.seconds("SYNC_FUTURE_TOLERANCE_SECONDS", default: 300)
        self.syncMaximumNewOriginsPerHour = try settings.integer(
            "SYNC_MAX_NEW_ORIGINS_PER_HOUR", default: 1000, in: 0...10_000_000)
        let antiEntropySeconds = try settings.integer("ANTI_ENTROPY_INTERVAL_SECONDS", default: 300, in: 0...86400)
        self.antiEntropyInterval = antiEntropySeconds == 0 ? nil : .seconds(antiEntropySeconds)
        self.blocklist = settings.string("BLOCKLIST", default: "")
        self.blocklistFile = settings.string("BLOCKLIST_FILE", default: "blocklist")
        self.upstreamRealm = settings.string("UPSTREAM_REALM", default: Self.realm(of: mojangAPIURL))
        self.tlsCertificateFile = try settings.readableFile("TLS_CERTIFICATE_FILE")
        self.tlsKeyFile = try settings.readableFile("TLS_KEY_FILE")
        guard (tlsCertificateFile == nil) == (tlsKeyFile == nil) else {
            throw ConfigurationError(
                key: tlsCertificateFile == nil ? "TLS_CERTIFICATE_FILE" : "TLS_KEY_FILE",
                problem: "TLS_CERTIFICATE_FILE and TLS_KEY_FILE go together")
        }
        self.syncTLSAuthorityFile = try settings.readableFile("SYNC_TLS_CA_FILE")
    }

    /// `scheme://host[:port]` of a URL, lower-cased: the default realm of an upstream.
    static func realm(of url: String) -> String {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host
        else { return url }
        return "\(scheme)://\(host)".lowercased() + (components.port.map { ":\($0)" } ?? "")
    }

    /// The configuration of this process: flags first, then environment variables.
    public static func fromProcess() throws(ConfigurationError) -> AppConfiguration {
        try AppConfiguration(
            reader: ConfigReader(providers: [CommandLineArgumentsProvider(), EnvironmentVariablesProvider()]))
    }
}

/// A configuration value that cannot be used; printed as one line at start-up.
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    public var key: String
    public var problem: String
    public var description: String { "configuration error: \(key): \(problem)" }

    public init(key: String, problem: String) {
        self.key = key
        self.problem = problem
    }
}

/// Reads settings by their environment-variable name (`HTTP_PORT` is also the flag `--http-port`).
struct SettingsReader {
    let reader: ConfigReader

    /// A file that must exist and be readable when the key is set.
    func readableFile(_ name: String) throws(ConfigurationError) -> String? {
        guard let path = raw(name) else { return nil }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ConfigurationError(key: name, problem: "cannot read '\(path)'")
        }
        return path
    }

    func raw(_ name: String) -> String? {
        let value = reader.string(forKey: ConfigKey(name.lowercased().replacingOccurrences(of: "_", with: ".")))
        return value?.isEmpty == true ? nil : value
    }

    func string(_ name: String, default fallback: String) -> String {
        raw(name) ?? fallback
    }

    func integer(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
        guard let text = raw(name) else { return fallback }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
            throw ConfigurationError(
                key: name, problem: "'\(text)' is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func port(_ name: String, default fallback: Int) throws(ConfigurationError) -> Int {
        try integer(name, default: fallback, in: 0...65535)
    }

    func seconds(_ name: String, default fallback: Double) throws(ConfigurationError) -> Duration {
        guard let text = raw(name) else { return .milliseconds(Int64(fallback * 1000)) }
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value > 0, value <= 86400 * 365 else {
            throw ConfigurationError(key: name, problem: "'\(text)' is not a positive number of seconds")
        }
        return .milliseconds(Int64(value * 1000))
    }

    func httpURL(_ name: String, default fallback: String) throws(ConfigurationError) -> String {
        let text = raw(name) ?? fallback
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw ConfigurationError(key: name, problem: "'\(text)' is not an http(s) URL")
        }
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    func logLevel(_ name: String, default fallback: Logger.Level) throws(ConfigurationError) -> Logger.Level {
        guard let text = raw(name) else { return fallback }
        guard let level = Logger.Level(rawValue: text.lowercased()) else {
            let levels = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            throw ConfigurationError(key: name, problem: "'\(text)' is not one of \(levels)")
        }
        return level
    }
}

extension AppConfiguration {
    /// Every setting, by environment-variable name; the flag is `--` and the name in lower case
    /// with dashes (`HTTP_PORT` is `--http-port`).
    public static let keys = [
        "HTTP_HOST", "HTTP_PORT", "HTTP_IDLE_TIMEOUT", "DATABASE_URL", "PGHOST", "PGPORT", "PGUSER", "PGPASSWORD",
        "PGDATABASE", "DATABASE_POOL_SIZE", "DATABASE_TIMEOUT_SECONDS", "DATABASE_SYNCHRONOUS_COMMIT",
        "DATABASE_IDLE_TRANSACTION_TIMEOUT_SECONDS", "ANTI_ENTROPY_INTERVAL_SECONDS", "NODE_NAME",
        "NODE_URL",
        "MOJANG_API_URL", "AVATAR_URL",
        "PROFILE_CACHE_SECONDS",
        "UPSTREAM_TIMEOUT_SECONDS", "LOG_LEVEL", "PEERS", "PEERS_FILE", "DISCOVERY_INTERVAL_SECONDS", "SYNC_BATCH_SIZE",
        "SYNC_WAIT_SECONDS", "SYNC_TIMEOUT_SECONDS", "SYNC_MAX_RESPONSE_BYTES", "SYNC_FUTURE_TOLERANCE_SECONDS",
        "SYNC_MAX_NEW_ORIGINS_PER_HOUR", "BLOCKLIST", "BLOCKLIST_FILE", "UPSTREAM_REALM",
    ]

    static func flag(_ key: String) -> String { "--" + key.lowercased().replacingOccurrences(of: "_", with: "-") }

    public static var usage: String {
        "usage: website [--flag value]…   |   website fake-upstream [--port N] [--mode M] [--latency-ms N]\n"
            + "flags (or the environment variables in upper case): "
            + keys.map(flag).joined(separator: " ")
    }

    /// Rejects a misspelt flag instead of silently ignoring it.
    public static func checkFlags(_ arguments: [String]) throws(ConfigurationError) {
        let known = Set(keys.map(flag))
        for argument in arguments.dropFirst() where argument.hasPrefix("--") {
            let name = String(argument.split(separator: "=", maxSplits: 1)[0])
            guard known.contains(name) else {
                throw ConfigurationError(key: name, problem: "unknown flag; `website --help` lists them")
            }
        }
    }
}
