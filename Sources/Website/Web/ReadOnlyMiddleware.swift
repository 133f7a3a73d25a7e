import HTTPTypes
import Hummingbird

/// Every route of the node is a GET: the site and the sync API are read-only, and no request can
/// write into a node other than by looking a name up. `HEAD` is answered for every GET route (the
/// router's generated HEAD endpoints: the GET's headers without its body); this middleware marks
/// it so that a HEAD never counts a lookup. Other methods get 405.
struct ReadOnlyMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Set on a `HEAD` turned into a `GET` for routing; pages that count a lookup skip counting.
    static var headMarker: HTTPField.Name { HTTPField.Name("X-Website-Head-Request")! }

    /// Whether a request reached its handler as a `HEAD`.
    static func isHead(_ request: Request) -> Bool { request.headers[headMarker] != nil }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        var head = request.head
        // A visitor cannot set the marker on a GET (it would only skip counting, but keep it exact).
        head.headerFields[Self.headMarker] = nil
        switch request.method {
        case .get:
            guard request.headers[Self.headMarker] != nil else { return try await next(request, context) }
            return try await next(Request(head: head, body: request.body), context)
        case .head:
            head.headerFields[Self.headMarker] = "1"
            return try await next(Request(head: head, body: request.body), context)
        default:
            throw HTTPError(
                .methodNotAllowed, headers: [.allow: "GET, HEAD"], message: "This node only answers GET requests.")
        }
    }
}
