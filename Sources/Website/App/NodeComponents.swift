import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import PostgresNIO
import ServiceLifecycle
import SyncProtocol

/// The parts of one node, made from its configuration and wired to each other: the clients, the
/// repositories, the lookup path, the federation's pieces and the services that run beside the
/// HTTP server. ``buildRouter(_:)`` gives them routes and ``buildApplication(_:logger:resolver:onServerRunning:)``
/// runs them; tests may take the router alone.
struct NodeComponents: Sendable {
    let configuration: AppConfiguration
    let logger: Logger
    let node: LocalNode
    let renderer: PageRenderer
    let postgres: PostgresClient
    let httpClient: HTTPClient
    let tlsClients: NeighbourTLSClients
    let metrics: NodeMetrics
    let migrator: Migrator
    let database: Database
    let profiles: ProfileRepository
    let counts: LookupCountRepository
    let avatars: HeadImageRepository
    let neighbours: NeighbourRepository
    let nodeRecords: NodeRecordRepository
    let trust: TrustRepository
    let nodeNames: NodeNames
    let tasks: BackgroundTasks
    let upstreamLimits: UpstreamLimits
    let lookup: HeadLookup
    let signal: ChangeSignal
    let feedEpoch: FeedEpoch
    let feed: ChangesFeed
    let signer: RecordSigner
    let blocklist: Blocklist
    let directory: NeighbourDirectory
    let liveEvents: LiveEvents
    let syncBudget: RequestBudget

    /// Background work (the epoch check, pullers' merges, storing own signatures) is no visitor's
    /// page: the request deadline would be too short for it on a busy database.
    static let backgroundDatabaseTimeout = Duration.seconds(30)

    init(_ configuration: AppConfiguration, logger: Logger, resolver: any NameResolver) async throws {
        self.configuration = configuration
        self.logger = logger
        node = LocalNode(name: configuration.nodeName)
        renderer = try await PageRenderer.load(node: node)
        // Created after the last step that can throw: an HTTPClient must be shut down before it is released.
        postgres = PostgresClient(configuration: configuration.database, backgroundLogger: logger)
        // No read timeout on the client: every request has its own deadline (long-polls wait longer).
        // No redirect is followed: neighbours and upstreams must not send the node to an address
        // nobody configured (a redirect is an error, named as such).
        httpClient = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: .init(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5))))
        metrics = NodeMetrics()
        migrator = Migrator(client: postgres, logger: logger)
        database = Database(
            client: postgres, timeout: configuration.databaseTimeout, logger: logger,
            usage: .init(size: configuration.database.options.maximumConnections),
            sessionStatementTimeout: configuration.databaseTimeout,
            // With the watch, the breaker follows the database's health, not one slow query.
            tripsOnTimeout: configuration.databaseWatchDeadline == nil)
        let backgroundDatabase = database.with(timeout: Self.backgroundDatabaseTimeout)
        profiles = ProfileRepository(database: database)
        counts = LookupCountRepository(database: database)
        avatars = HeadImageRepository(database: database)
        neighbours = NeighbourRepository(database: database)
        nodeRecords = NodeRecordRepository(database: database)
        trust = TrustRepository(database: database)
        nodeNames = NodeNames(node: node, records: nodeRecords)
        tasks = BackgroundTasks()
        upstreamLimits = UpstreamLimits(settings: configuration.upstreamLimits, metrics: metrics, logger: logger)
        lookup = HeadLookup(
            profiles: profiles, counts: counts,
            batcher: LookupBatcher(
                tasks: tasks, counts: counts, node: node, profileCacheTime: configuration.profileCacheTime),
            avatars: avatars,
            upstream: UpstreamClient(
                httpClient: httpClient, profileBaseURL: configuration.mojangAPIURL,
                avatarBaseURL: configuration.avatarURL, timeout: configuration.upstreamTimeout, metrics: metrics,
                logger: logger),
            limits: upstreamLimits, resolving: SingleFlight(), fetchingHeads: SingleFlight(),
            headsToRetry: HeadRetry.Pending(), node: node,
            profileCacheTime: configuration.profileCacheTime, metrics: metrics, logger: logger)
        signal = ChangeSignal()
        feedEpoch = FeedEpoch(
            repository: FeedEpochRepository(database: backgroundDatabase, logger: logger), signal: signal,
            logger: logger)
        feed = ChangesFeed(database: database)
        signer = RecordSigner(
            node: node,
            signatures: OwnSignatureWriter(
                feed: ChangesFeed(database: backgroundDatabase), tasks: tasks, logger: logger))
        tlsClients = NeighbourTLSClients(additionalAuthorities: configuration.syncTLSAuthorityFile)
        blocklist = Blocklist(
            list: configuration.blocklist, file: configuration.blocklistFile, node: node, trust: trust,
            metrics: metrics, logger: logger)
        directory = Self.neighbourDirectory(
            configuration, node: node, database: backgroundDatabase, resolver: resolver,
            client: NeighbourClient(
                httpClient: httpClient, tlsClients: tlsClients, timeout: configuration.syncTimeout,
                maximumResponseBytes: configuration.syncMaximumResponseBytes),
            neighbours: neighbours, nodeNames: nodeNames, blocklist: blocklist, metrics: metrics, logger: logger)
        liveEvents = LiveEvents(
            feed: feed, counts: counts, nodeNames: nodeNames, node: node, signal: signal,
            maximumConnections: configuration.liveMaximumConnections,
            maximumConnectionsPerClient: configuration.liveMaximumConnectionsPerClient, logger: logger)
        syncBudget = RequestBudget(
            name: "sync", maximum: configuration.syncMaximumConcurrentRequests,
            waitsPerClient: configuration.syncMaximumLongPollsPerClient, waits: configuration.syncMaximumLongPolls,
            wokenAnswersPerSecond: configuration.syncLongPollAnswersPerSecond, metrics: metrics)
    }

    /// Finds the neighbours and starts a puller for each.
    private static func neighbourDirectory(
        _ configuration: AppConfiguration, node: LocalNode, database: Database, resolver: any NameResolver,
        client: NeighbourClient, neighbours: NeighbourRepository, nodeNames: NodeNames, blocklist: Blocklist,
        metrics: NodeMetrics, logger: Logger
    ) -> NeighbourDirectory {
        let settings = NeighbourPuller.Settings(
            batchSize: configuration.syncBatchSize, wait: configuration.syncWait,
            requestTimeout: configuration.syncTimeout,
            rules: PlausibilityRules(futureTolerance: configuration.syncFutureTolerance),
            maximumNewOriginsPerHour: configuration.syncMaximumNewOriginsPerHour,
            upstreamRealm: configuration.upstreamRealm,
            // Two running processes cannot listen on one host and port; a random port (0) gets a random name.
            holder: configuration.httpPort == 0
                ? UUID().uuidString : "\(ProcessInfo.processInfo.hostName):\(configuration.httpPort)",
            antiEntropyInterval: configuration.antiEntropyInterval)
        return NeighbourDirectory(
            settings: .init(
                peersList: configuration.peers, peersFile: configuration.peersFile,
                interval: configuration.discoveryInterval),
            node: node, resolver: resolver, neighbour: client, neighbours: neighbours, nodeNames: nodeNames,
            blocklist: blocklist, logger: logger
        ) { nodeID, target in
            NeighbourPuller(
                nodeID: nodeID, target: target, settings: settings, database: database, neighbour: client,
                blocklist: blocklist, ownID: node.id, metrics: metrics, logger: logger)
        }
    }

    /// What a node needs before it serves: the schema migrated, its identity loaded, its feed's
    /// epoch checked and its node record published.
    func prepare() async throws {
        try await migrator.migrate()
        node.load(try await NodeIdentityRepository(client: postgres, logger: logger).loadOrCreate())
        try await feedEpoch.check()
        try await nodeRecords.publish(
            origin: node.id, name: NodeRecord.acceptableName(node.name), url: configuration.nodeURL,
            softwareVersion: SoftwareVersion.current)
    }

    /// The services a request needs: the clients, and the writers that lookups and own
    /// signatures hand their work to. Shut down in reverse order, after the HTTP server.
    var requestServices: [any Service] {
        [postgres, tasks, database.breaker, HTTPClientService(client: httpClient, tlsClients: tlsClients)]
    }

    /// The node's own work beside the requests: following the feed, the blocklist file, the
    /// epoch, the neighbours, the live events, head retries and the database watch.
    var backgroundServices: [any Service] {
        [ChangeListener(client: postgres, signal: signal, logger: logger), blocklist, feedEpoch, directory, liveEvents]
            + (configuration.headRetryInterval.map {
                [
                    HeadRetry(
                        profiles: profiles, lookup: lookup, node: node, interval: $0,
                        batch: configuration.headRetryBatch, metrics: metrics, logger: logger)
                ]
            } ?? [])
            + (configuration.databaseWatchDeadline.map { [DatabaseWatch(database: database, deadline: $0)] } ?? [])
    }
}
