import Foundation
import Hummingbird
import SyncProtocol

/// The site's HTML pages: the front page and the head page under its historic and clean URLs.
struct PagesController<Context: RequestContext> {
    let renderer: PageRenderer
    let lookup: HeadLookup
    let counts: LookupCountRepository
    let neighbours: NeighbourRepository
    let nodeNames: NodeNames
    /// Tells visitors apart for their allowance of lookups of new names.
    let clients: ClientKey
    /// Head pages rendered once per everything but their counts.
    let headPages = CountedPages<HeadPageView>()

    func addRoutes(to router: Router<Context>) {
        router.get("/", use: index)
        router.get("/display_skin", use: displaySkin)
        router.get("/heads/{name}", use: head)
        router.get("/favicon.svg") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "image/svg+xml", .cacheControl: "public, max-age=86400"],
                body: .init(byteBuffer: ByteBuffer(string: SiteFiles.favicon)))
        }
        router.get("/favicon.ico") { _, _ in
            Response(status: .movedPermanently, headers: [.location: "/favicon.svg"])
        }
        router.get("/robots.txt") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: SiteFiles.robots)))
        }
        router.get("/static/site.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: renderer.stylesheet))
        }
        router.get("/static/live.js") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: renderer.liveScript))
        }
    }

    @Sendable func index(request: Request, context: Context) async throws -> Response {
        async let top = counts.mostLookedUp(limit: 10)
        async let recent = counts.recentlyLookedUp(limit: 10)
        async let known = neighbours.all()
        let now = Date()
        let connected = try await known.filter { FederationController<Context>.isConnected($0, at: now) }.count
        return renderer.render(
            "index", title: "Minecraft head lookup",
            IndexPageView(mostLookedUp: try await top, recent: try await recent, connected: connected))
    }

    /// The historic URL: `/display_skin?username=NAME`. Counts a lookup.
    @Sendable func displaySkin(request: Request, context: Context) async throws -> Response {
        try await headPage(
            request.uri.queryParameters.get("username") ?? "", counting: !ReadOnlyMiddleware<Context>.isHead(request),
            client: clients.key(of: request, context: context))
    }

    /// The clean URL: `/heads/NAME`. Counts a lookup, like the historic one.
    @Sendable func head(request: Request, context: Context) async throws -> Response {
        try await headPage(
            try context.parameters.require("name"), counting: !ReadOnlyMiddleware<Context>.isHead(request),
            client: clients.key(of: request, context: context))
    }

    private func headPage(_ text: String, counting: Bool, client: String) async throws -> Response {
        let name: Username
        do {
            name = try Username(validating: text)
        } catch {
            throw PageError.badUsername(error, input: text)
        }
        let result = try await lookup.lookUp(name, countLookup: counting, client: client)
        let profile = result.profile
        let names = try await nodeNames.rowLabels(for: result.counts.perNode.map(\.origin))
        let rows = result.counts.perNode.map { entry in
            HeadPageView.Row(
                origin: entry.origin, count: entry.count, isLocal: entry.origin == renderer.node.id,
                label: names[entry.origin] ?? entry.origin)
        }
        let page = HeadPageView(
            displayName: profile.displayName, uuid: profile.uuid, total: result.counts.total,
            local: result.counts.local, rows: rows, notice: result.notice)
        return PageRenderer.response(
            headPages.html(for: page) { renderer.html("head", title: $0.displayName, $0) })
    }
}
