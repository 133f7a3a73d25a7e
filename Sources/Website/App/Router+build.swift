import Hummingbird

/// The routes of the pages and the API, with their middlewares, over a node's parts. Nothing here
/// starts a service: tests ask it through `app.test(.router)` with only the services requests
/// need (``NodeComponents/requestServices``).
func buildRouter(_ parts: NodeComponents) -> Router<NodeRequestContext> {
    let configuration = parts.configuration
    // HEAD is answered for every GET route by the router itself (headers, no body).
    let router = Router(context: NodeRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: AccessLogMiddleware())
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: SecurityHeadersMiddleware(servesTLS: configuration.tlsCertificateFile != nil))
    router.add(middleware: ErrorPageMiddleware(renderer: parts.renderer))
    router.add(middleware: RequestLimitsMiddleware())
    router.add(middleware: ReadOnlyMiddleware())
    // The JSON API, and within it the sync protocol's reads, each client's rate of them bounded.
    let api = router.group("/api/v1")
    let syncAPI = api.group().add(
        middleware: SyncRateMiddleware(
            clients: configuration.clientKey,
            state: .init(perSecond: configuration.syncRequestsPerClientPerSecond), metrics: parts.metrics))
    PagesController(
        renderer: parts.renderer, lookup: parts.lookup, counts: parts.counts, neighbours: parts.neighbours,
        nodeNames: parts.nodeNames, clients: configuration.clientKey
    ).addRoutes(to: router)
    HeadImageController(avatars: parts.avatars, lookup: parts.lookup).addRoutes(to: router)
    HeadsAPIController(profiles: parts.profiles, counts: parts.counts, node: parts.node, nodeNames: parts.nodeNames)
        .addRoutes(to: api)
    HealthController(migrator: parts.migrator, database: parts.database).addRoutes(to: router)
    NodeInfoController(node: parts.node, upstreamRealm: configuration.upstreamRealm).addRoutes(to: api)
    // `/metrics` on the site's port, or (METRICS_PORT) on a router of its own.
    if configuration.metricsPort == nil { parts.metricsController.addRoutes(to: router) }
    SyncAPIController(
        feed: parts.feed, reads: SharedFeedReads(feed: parts.feed, budget: parts.syncBudget),
        clients: configuration.clientKey, signer: parts.signer, signal: parts.signal, avatars: parts.avatars,
        node: parts.node, epoch: parts.feedEpoch, defaultLimit: configuration.syncBatchSize
    ).addRoutes(to: syncAPI)
    ReconciliationController(
        digests: DigestRepository(database: parts.database), budget: parts.syncBudget, signer: parts.signer,
        node: parts.node
    ).addRoutes(to: syncAPI)
    FederationController(
        neighbours: parts.neighbours, trust: parts.trust, blocklist: parts.blocklist, feed: parts.feed,
        node: parts.node, nodeNames: parts.nodeNames, renderer: parts.renderer
    ).addRoutes(to: router, api: api)
    LiveEventsController(events: parts.liveEvents, clients: configuration.clientKey, metrics: parts.metrics)
        .addRoutes(to: api)
    return router
}

/// `/metrics` alone, for the address and port of its own (`METRICS_PORT`).
func buildMetricsRouter(_ parts: NodeComponents) -> Router<NodeRequestContext> {
    let router = Router(context: NodeRequestContext.self)
    parts.metricsController.addRoutes(to: router)
    return router
}

extension NodeComponents {
    var metricsController: MetricsController<NodeRequestContext> {
        MetricsController(
            metrics: metrics, database: database, neighbours: neighbours, feed: feed, upstream: upstreamLimits)
    }
}
