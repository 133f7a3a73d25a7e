import Hummingbird

/// Every route of the node is a GET: the site and the sync API are read-only, and no request can
/// write into a node other than by looking a name up. Other methods get 405 with `Allow: GET`.
struct ReadOnlyMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        guard request.method == .get else {
            throw HTTPError(
                .methodNotAllowed, headers: [.allow: "GET"], message: "This node only answers GET requests.")
        }
        return try await next(request, context)
    }
}
