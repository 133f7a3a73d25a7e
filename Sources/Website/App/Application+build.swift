import AsyncHTTPClient
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import PostgresNIO
import ServiceLifecycle
import SyncProtocol

/// Builds a node: the PostgreSQL client and HTTP client as services, migrations and the node
/// identity as start-up work, and the routes of the pages and the API.
public func buildApplication(
    _ configuration: AppConfiguration,
    logger baseLogger: Logger? = nil,
    resolver: any NameResolver = SystemNameResolver(),
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) async throws -> some ApplicationProtocol {
    let logger = {
        var logger = baseLogger ?? Logger(label: "website")
        logger.logLevel = configuration.logLevel
        return logger
    }()

    let node = LocalNode(name: configuration.nodeName)
    let renderer = try await PageRenderer.load(node: node)
    // Created after the last step that can throw: an HTTPClient must be shut down before it is released.
    let postgres = PostgresClient(configuration: configuration.database, backgroundLogger: logger)
    // No read timeout on the client: every request has its own deadline (long-polls wait longer).
    // No redirect is followed: neighbours and upstreams must not send the node to an address
    // nobody configured (a redirect is an error, named as such).
    let httpClient = HTTPClient(
        eventLoopGroupProvider: .singleton,
        configuration: .init(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5))))
    let metrics = NodeMetrics()
    let migrator = Migrator(client: postgres, logger: logger)
    let database = Database(
        client: postgres, timeout: configuration.databaseTimeout, logger: logger,
        usage: .init(size: configuration.database.options.maximumConnections),
        sessionStatementTimeout: configuration.databaseTimeout,
        // With the watch, the breaker follows the database's health, not one slow query.
        tripsOnTimeout: configuration.databaseWatchDeadline == nil)
    let profiles = ProfileRepository(database: database)
    let counts = LookupCountRepository(database: database)
    let avatars = HeadImageRepository(database: database)
    let tasks = BackgroundTasks()
    let batcher = LookupBatcher(
        tasks: tasks, counts: counts, node: node, profileCacheTime: configuration.profileCacheTime)
    let upstreamLimits = UpstreamLimits(settings: configuration.upstreamLimits, metrics: metrics, logger: logger)
    let lookup = HeadLookup(
        profiles: profiles, counts: counts, batcher: batcher, avatars: avatars,
        upstream: UpstreamClient(
            httpClient: httpClient, profileBaseURL: configuration.mojangAPIURL,
            avatarBaseURL: configuration.avatarURL, timeout: configuration.upstreamTimeout, metrics: metrics,
            logger: logger),
        limits: upstreamLimits, resolving: SingleFlight(), fetchingHeads: SingleFlight(),
        headsToRetry: HeadRetry.Pending(), node: node,
        profileCacheTime: configuration.profileCacheTime, metrics: metrics, logger: logger)
    let neighbours = NeighbourRepository(database: database)
    // Background work (the epoch check, pullers' merges, storing own signatures) is no visitor's
    // page: the request deadline would be too short for it on a busy database.
    let backgroundDatabase = database.with(timeout: .seconds(30))
    let nodeRecords = NodeRecordRepository(database: database)
    let names = NodeNames(node: node, records: nodeRecords)
    let signal = ChangeSignal()
    let feedEpoch = FeedEpoch(
        repository: FeedEpochRepository(database: backgroundDatabase, logger: logger), signal: signal,
        logger: logger)
    let tlsClients = NeighbourTLSClients(additionalAuthorities: configuration.syncTLSAuthorityFile)
    let neighbourClient = NeighbourClient(
        httpClient: httpClient, tlsClients: tlsClients, timeout: configuration.syncTimeout,
        maximumResponseBytes: configuration.syncMaximumResponseBytes)
    let trust = TrustRepository(database: database)
    let blocklist = Blocklist(
        list: configuration.blocklist, file: configuration.blocklistFile, node: node, trust: trust, metrics: metrics,
        logger: logger)
    let pullerSettings = NeighbourPuller.Settings(
        batchSize: configuration.syncBatchSize, wait: configuration.syncWait, requestTimeout: configuration.syncTimeout,
        rules: PlausibilityRules(futureTolerance: configuration.syncFutureTolerance),
        maximumNewOriginsPerHour: configuration.syncMaximumNewOriginsPerHour,
        upstreamRealm: configuration.upstreamRealm,
        // Two running processes cannot listen on one host and port; a random port (0) gets a random name.
        holder: configuration.httpPort == 0
            ? UUID().uuidString : "\(ProcessInfo.processInfo.hostName):\(configuration.httpPort)",
        antiEntropyInterval: configuration.antiEntropyInterval)
    let directory = NeighbourDirectory(
        settings: .init(
            peersList: configuration.peers, peersFile: configuration.peersFile,
            interval: configuration.discoveryInterval),
        node: node, resolver: resolver, neighbour: neighbourClient, neighbours: neighbours, names: names,
        blocklist: blocklist,
        logger: logger
    ) { nodeID, target in
        NeighbourPuller(
            nodeID: nodeID, target: target, settings: pullerSettings, database: backgroundDatabase,
            neighbour: neighbourClient,
            blocklist: blocklist, ownID: node.id, metrics: metrics, logger: logger)
    }

    // HEAD is answered for every GET route by the router itself (headers, no body).
    let router = Router(context: NodeRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: AccessLogMiddleware())
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: SecurityHeadersMiddleware(servesTLS: configuration.tlsCertificateFile != nil))
    router.add(middleware: ErrorPageMiddleware(renderer: renderer))
    router.add(middleware: RequestLimitsMiddleware())
    router.add(middleware: ReadOnlyMiddleware())
    // The JSON API, and within it the sync protocol's reads, each client's rate of them bounded.
    let api = router.group("/api/v1")
    let syncAPI = api.group().add(
        middleware: SyncRateMiddleware(
            clients: configuration.clientKey,
            state: .init(perSecond: configuration.syncRequestsPerClientPerSecond), metrics: metrics))
    PagesController(
        renderer: renderer, lookup: lookup, counts: counts, neighbours: neighbours, labels: names,
        clients: configuration.clientKey
    ).addRoutes(to: router)
    HeadImageController(avatars: avatars, lookup: lookup).addRoutes(to: router)
    HeadsAPIController(profiles: profiles, counts: counts, node: node, labels: names).addRoutes(to: api)
    HealthController(migrator: migrator, database: database).addRoutes(to: router)
    NodeInfoController(node: node, upstreamRealm: configuration.upstreamRealm).addRoutes(to: api)
    let feed = ChangesFeed(database: database)
    let signatureWriter = OwnSignatureWriter(
        feed: ChangesFeed(database: backgroundDatabase), tasks: tasks, logger: logger)
    let signer = RecordSigner(node: node, signatures: signatureWriter)
    let metricsController = MetricsController<NodeRequestContext>(
        metrics: metrics, database: database, neighbours: neighbours, feed: feed, upstream: upstreamLimits)
    // `/metrics` on the site's port, or (METRICS_PORT) on an address and port of its own only.
    let metricsServer: Application<RouterResponder<NodeRequestContext>>?
    if let metricsPort = configuration.metricsPort {
        let metricsRouter = Router(context: NodeRequestContext.self)
        metricsController.addRoutes(to: metricsRouter)
        metricsServer = Application(
            router: metricsRouter,
            configuration: .init(
                address: .hostname(configuration.metricsHost, port: metricsPort), serverName: "website-metrics"),
            logger: logger)
    } else {
        metricsController.addRoutes(to: router)
        metricsServer = nil
    }
    let syncBudget = RequestBudget(
        name: "sync", maximum: configuration.syncMaximumConcurrentRequests,
        waitsPerClient: configuration.syncMaximumLongPollsPerClient, waits: configuration.syncMaximumLongPolls,
        wokenAnswersPerSecond: configuration.syncLongPollAnswersPerSecond, metrics: metrics)
    SyncAPIController(
        feed: feed, reads: SharedFeedReads(feed: feed, budget: syncBudget), clients: configuration.clientKey,
        signer: signer, signal: signal, avatars: avatars, node: node, epoch: feedEpoch,
        defaultLimit: configuration.syncBatchSize
    ).addRoutes(to: syncAPI)
    ReconciliationController(
        digests: DigestRepository(database: database), budget: syncBudget, signer: signer, node: node
    ).addRoutes(to: syncAPI)
    FederationController(
        neighbours: neighbours, trust: trust, blocklist: blocklist, feed: feed, node: node, labels: names,
        renderer: renderer
    ).addRoutes(to: router, api: api)
    let liveEvents = LiveEvents(
        feed: feed, counts: counts, labels: names, node: node, signal: signal,
        maximumConnections: configuration.liveMaximumConnections,
        maximumConnectionsPerClient: configuration.liveMaximumConnectionsPerClient, logger: logger)
    LiveEventsController(events: liveEvents, clients: configuration.clientKey, metrics: metrics).addRoutes(to: api)

    var app = Application(
        router: router,
        server: try serverBuilder(configuration),
        configuration: .init(
            address: .hostname(configuration.httpHost, port: configuration.httpPort), serverName: "website"),
        services: [
            // Shut down in reverse order, after the HTTP server: background work and the
            // breaker's probe end before the database client they use.
            postgres, tasks, database.breaker, HTTPClientService(client: httpClient, tlsClients: tlsClients),
            ChangeListener(client: postgres, signal: signal, logger: logger),
            blocklist, feedEpoch, directory, liveEvents,
        ]
            + (configuration.headRetryInterval.map {
                [
                    HeadRetry(
                        profiles: profiles, lookup: lookup, node: node, interval: $0,
                        batch: configuration.headRetryBatch, metrics: metrics, logger: logger)
                ]
            } ?? [])
            + (configuration.databaseWatchDeadline.map { [DatabaseWatch(database: database, deadline: $0)] } ?? [])
            + (metricsServer.map { [$0] } ?? []),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.httpPort) },
        logger: logger)
    app.beforeServerStarts {
        // A stop asked for while start-up still waits for the database ends the waiting (the
        // prelude is not a service of its own, so nothing else would end it).
        do {
            try await cancelWhenGracefulShutdown {
                try await StartupRetry.run(
                    logger: logger,
                    diagnose: {
                        await DatabaseLoginDiagnosis.explain(
                            configuration.database, usesTLS: configuration.databaseUsesTLS, logger: logger)
                    }
                ) {
                    try await migrator.migrate()
                    node.load(try await NodeIdentityRepository(client: postgres, logger: logger).loadOrCreate())
                    try await feedEpoch.check()
                    try await nodeRecords.publish(
                        origin: node.id, name: NodeRecord.acceptableName(node.name),
                        url: configuration.nodeURL, softwareVersion: SoftwareVersion.current)
                }
            }
        } catch  where Task.isShuttingDownGracefully {
            throw StartupStopped(cause: error)
        }
        logger.info("node ready", metadata: ["node": "\(node.name)", "id": "\(node.id)"])
    }
    return app
}

/// HTTP/1.1, over TLS when a certificate and key are configured.
private func serverBuilder(_ configuration: AppConfiguration) throws -> HTTPServerBuilder {
    let http = HTTPServerBuilder.http1(
        configuration: .init(idleTimeout: .nanoseconds(configuration.httpIdleTimeout.wholeNanoseconds)))
    guard let certificateFile = configuration.tlsCertificateFile, let keyFile = configuration.tlsKeyFile else {
        return http
    }
    var tls = TLSConfiguration.makeServerConfiguration(
        certificateChain: try NIOSSLCertificate.fromPEMFile(certificateFile).map { .certificate($0) },
        privateKey: .privateKey(try NIOSSLPrivateKey(file: keyFile, format: .pem)))
    // TLS 1.0 and 1.1 are deprecated (RFC 8996): a public node accepts 1.2 and later only.
    tls.minimumTLSVersion = .tlsv12
    return try .tls(http, tlsConfiguration: tls)
}
