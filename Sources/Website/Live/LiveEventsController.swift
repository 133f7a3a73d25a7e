import Hummingbird
import ServiceLifecycle
import SyncProtocol

/// `GET /api/v1/events[?name=NAME]`: server-sent events for live pages (``LiveEvents``). With a
/// name, `counts` events carry its new counts; without, `record` events say which records
/// arrived (kind, name, origin). 503 with `Retry-After` when the process has its most listeners.
struct LiveEventsController<Context: RequestContext> {
    let events: LiveEvents
    let clients: ClientKey
    let metrics: NodeMetrics

    /// Under `/api/v1`.
    func addRoutes(to api: RouterGroup<Context>) {
        api.get("events", use: stream)
    }

    @Sendable func stream(request: Request, context: Context) async throws -> Response {
        let name = try request.uri.queryParameters.get("name").map { try Username(validating: $0).key }
        let headers: HTTPFields = [
            .contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache, no-transform",
            // Reverse proxies (nginx, and those that honour its header) must pass events on at once.
            .init("X-Accel-Buffering")!: "no",
        ]
        if ReadOnlyMiddleware<Context>.isHead(request) { return Response(status: .ok, headers: headers) }
        let listening: LiveEvents.Listening
        switch try await events.listen(name: name, client: clients.key(of: request, context: context)) {
        case .success(let opened):
            listening = opened
        case .failure(.total):
            metrics.limitHit("live_streams_total")
            throw HTTPError(
                .serviceUnavailable, headers: [.retryAfter: "10"],
                message: "This node has as many live pages open as it serves (LIVE_MAX_CONNECTIONS).")
        case .failure(.client):
            metrics.limitHit("live_streams_per_client")
            throw HTTPError(
                .serviceUnavailable, headers: [.retryAfter: "10"],
                message: "This client has as many live pages open as one may (LIVE_MAX_CONNECTIONS_PER_CLIENT).")
        }
        return Response(
            status: .ok, headers: headers,
            body: .init { writer in
                // A node shutting down ends its streams at once (pages reconnect to another
                // replica or when it is back) instead of holding the shutdown.
                try await withGracefulShutdownHandler {
                    for await text in listening.stream { try await writer.write(ByteBuffer(string: text)) }
                } onGracefulShutdown: {
                    listening.end()
                }
                try await writer.finish(nil)
            })
    }
}
