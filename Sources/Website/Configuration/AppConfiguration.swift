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
    /// Whether the database connection uses TLS (`sslmode` other than `disable` in DATABASE_URL).
    public var databaseUsesTLS: Bool
    /// How long a request waits for the database before the page says it is unavailable (503).
    public var databaseTimeout: Duration
    /// How long the database watch waits for its `SELECT 1` before it opens the breaker; nil: no watch.
    public var databaseWatchDeadline: Duration?
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
    /// How often this node's own profiles that name no head get one (``HeadRetry``); nil turns it off.
    public var headRetryInterval: Duration?
    /// The most heads one such round fetches.
    public var headRetryBatch: Int
    /// Which profile service this node's profiles come from; neighbours must name the same one
    /// before their profiles and heads are merged. Defaults to the profile URL's scheme and host.
    public var upstreamRealm: String
    /// PEM certificate chain and key: when both are set the node serves HTTPS instead of HTTP.
    public var tlsCertificateFile: String?
    public var tlsKeyFile: String?
    /// PEM file of certificate authorities trusted for `https://` neighbours besides the system's.
    public var syncTLSAuthorityFile: String?
    /// Most live pages (server-sent event streams) one process serves at once.
    public var liveMaximumConnections: Int
    /// What protects the profile and avatar services from visitors (see ``UpstreamLimits``).
    var upstreamLimits: UpstreamLimits.Settings
    /// How visitors are told apart, and which proxies' `X-Forwarded-For` is believed.
    var clientKey: ClientKey
    /// Most live pages one client may hold open.
    public var liveMaximumConnectionsPerClient: Int
    /// Most sync API database reads at once (changes, digests, records, heads); beyond, 503.
    public var syncMaximumConcurrentRequests: Int
    /// Most long-polls held open, in all and per client.
    public var syncMaximumLongPolls: Int
    public var syncMaximumLongPollsPerClient: Int
    /// Answers of long-polls woken by changes, per second in all (``LongPollPacing``).
    public var syncLongPollAnswersPerSecond: Int
    /// Sync requests one client may make a second (twice that at once); beyond, slowed down, then 429.
    public var syncRequestsPerClientPerSecond: Int
    /// Where `/metrics` is served when it has a port of its own (nil: on the site's port).
    public var metricsHost: String
    public var metricsPort: Int?

    /// Reads and checks the configuration; the error names the key and what is wrong with it.
    public init(reader: ConfigReader) throws(ConfigurationError) {
        let settings = SettingsReader(reader: reader)
        self.httpHost = settings.string(.httpHost, default: "0.0.0.0")
        self.httpPort = try settings.port(.httpPort, default: 8080)
        self.httpIdleTimeout = try settings.seconds(.httpIdleTimeout, default: 30)
        self.database = try DatabaseSettings.configuration(settings)
        self.databaseUsesTLS =
            settings.raw(.databaseURL).flatMap { URLComponents(string: $0)?.queryItems }?
            .contains { $0.name == "sslmode" && $0.value != "disable" } ?? false
        self.databaseTimeout = try settings.seconds(.databaseTimeoutSeconds, default: 5)
        // PostgreSQL cancels a statement the request gave up on, freeing its connection (the
        // client cannot: postgres-nio sends no cancel request when a query's task is cancelled).
        // Background work with a longer deadline raises it for its own statements (``Database``).
        database.options.additionalStartupParameters.append(
            ("statement_timeout", String(databaseTimeout.wholeNanoseconds / 1_000_000)))
        self.databaseWatchDeadline =
            settings.raw(.databaseWatchSeconds)?.trimmingCharacters(in: .whitespaces) == "0"
            ? nil : try settings.seconds(.databaseWatchSeconds, default: 0.6)
        self.nodeName = settings.string(.nodeName, default: ProcessInfo.processInfo.hostName)
        self.nodeURL = settings.raw(.nodeURL) == nil ? nil : try settings.httpURL(.nodeURL, default: "")
        self.mojangAPIURL = try settings.httpURL(.mojangAPIURL, default: Self.defaultMojangAPIURL)
        self.avatarURL = try settings.httpURL(.avatarURL, default: "https://mc-heads.net/avatar")
        self.profileCacheTime = try settings.seconds(.profileCacheSeconds, default: 3600)
        self.upstreamTimeout = try settings.seconds(.upstreamTimeoutSeconds, default: 5)
        self.logLevel = try settings.logLevel(.logLevel, default: .info)
        self.peers = settings.string(.peers, default: "")
        self.peersFile = settings.string(.peersFile, default: "peers/list")
        self.discoveryInterval = try settings.seconds(.discoveryIntervalSeconds, default: 10)
        self.syncBatchSize = try settings.integer(.syncBatchSize, default: 1000, in: 1...5000)
        self.syncWait = try settings.seconds(.syncWaitSeconds, default: 25)
        guard syncWait <= .seconds(60) else {
            throw ConfigurationError(key: .syncWaitSeconds, problem: "at most 60 (the longest wait a node serves)")
        }
        self.syncTimeout = try settings.seconds(.syncTimeoutSeconds, default: 10)
        self.syncMaximumResponseBytes = try settings.integer(
            .syncMaxResponseBytes, default: 16 * 1024 * 1024, in: 1024...1024 * 1024 * 1024)
        self.syncFutureTolerance = try settings.seconds(.syncFutureToleranceSeconds, default: 300)
        self.syncMaximumNewOriginsPerHour = try settings.integer(
            .syncMaxNewOriginsPerHour, default: 1000, in: 0...10_000_000)
        let antiEntropySeconds = try settings.integer(.antiEntropyIntervalSeconds, default: 300, in: 0...86400)
        self.antiEntropyInterval = antiEntropySeconds == 0 ? nil : .seconds(antiEntropySeconds)
        let headRetrySeconds = try settings.integer(.headRetryIntervalSeconds, default: 60, in: 0...86400)
        self.headRetryInterval = headRetrySeconds == 0 ? nil : .seconds(headRetrySeconds)
        self.headRetryBatch = try settings.integer(.headRetryBatch, default: 10, in: 1...1000)
        self.blocklist = settings.string(.blocklist, default: "")
        self.blocklistFile = settings.string(.blocklistFile, default: "peers/blocklist")
        self.upstreamRealm = settings.string(.upstreamRealm, default: Self.realm(of: mojangAPIURL))
        self.tlsCertificateFile = try settings.readableFile(.tlsCertificateFile)
        self.tlsKeyFile = try settings.readableFile(.tlsKeyFile)
        guard (tlsCertificateFile == nil) == (tlsKeyFile == nil) else {
            throw ConfigurationError(
                key: tlsCertificateFile == nil ? ConfigurationKey.tlsCertificateFile : .tlsKeyFile,
                problem: "TLS_CERTIFICATE_FILE and TLS_KEY_FILE go together")
        }
        self.syncTLSAuthorityFile = try settings.readableFile(.syncTLSCAFile)
        self.liveMaximumConnections = try settings.integer(.liveMaxConnections, default: 1000, in: 0...100_000)
        self.upstreamLimits = UpstreamLimits.Settings(
            notFoundTime: try settings.seconds(.upstreamNotFoundSeconds, default: 600),
            failedHeadTime: try settings.seconds(.upstreamFailureMemorySeconds, default: 300),
            maximumConcurrent: try settings.integer(.upstreamMaxConcurrent, default: 4, in: 1...1000),
            maximumWait: upstreamTimeout,
            lookupsPerClientPerMinute: try settings.integer(
                .upstreamLookupsPerClientPerMinute, default: 20, in: 1...1_000_000))
        self.clientKey = ClientKey(trustedProxies: try settings.networks(.trustedProxies))
        self.liveMaximumConnectionsPerClient = try settings.integer(
            .liveMaxConnectionsPerClient, default: 16, in: 1...100_000)
        self.syncMaximumConcurrentRequests = try settings.integer(
            .syncMaxConcurrentRequests, default: 4, in: 1...1000)
        self.syncMaximumLongPolls = try settings.integer(.syncMaxLongPolls, default: 200, in: 1...100_000)
        self.syncMaximumLongPollsPerClient = try settings.integer(
            .syncMaxLongPollsPerClient, default: 16, in: 1...100_000)
        self.syncLongPollAnswersPerSecond = try settings.integer(
            .syncLongPollAnswersPerSecond, default: 250, in: 1...1_000_000)
        self.syncRequestsPerClientPerSecond = try settings.integer(
            .syncRequestsPerClientPerSecond, default: 20, in: 1...1_000_000)
        self.metricsHost = settings.string(.metricsHost, default: "127.0.0.1")
        self.metricsPort = settings.raw(.metricsPort) == nil ? nil : try settings.port(.metricsPort, default: 0)
    }

    /// Mojang's profile API: the default upstream.
    public static let defaultMojangAPIURL = "https://api.mojang.com"

    /// The realm assumed for a neighbour that names none (a node before 0.2.0, which had no such
    /// setting): that of a default-configured node, so that a federation of default-configured
    /// nodes keeps its profiles while it is upgraded one node at a time.
    public static let realmOfNeighboursNamingNone = realm(of: defaultMojangAPIURL)

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

    public init(key: ConfigurationKey, problem: String) {
        self.init(key: key.rawValue, problem: problem)
    }
}

extension AppConfiguration {
    public static var usage: String {
        "usage: website [--flag value]…   |   website --version   |   website fake-upstream [--port N] [--mode M] [--latency-ms N]\n"
            + "flags (or the environment variables in upper case): "
            + ConfigurationKey.allCases.map(\.flag).joined(separator: " ")
    }

    /// Rejects a misspelt flag instead of silently ignoring it.
    public static func checkFlags(_ arguments: [String]) throws(ConfigurationError) {
        let known = Set(ConfigurationKey.allCases.map(\.flag))
        for argument in arguments.dropFirst() where argument.hasPrefix("--") {
            let name = String(argument.split(separator: "=", maxSplits: 1)[0])
            guard known.contains(name) else {
                throw ConfigurationError(key: name, problem: "unknown flag; `website --help` lists them")
            }
        }
    }
}
