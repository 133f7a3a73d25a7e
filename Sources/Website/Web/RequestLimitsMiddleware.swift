import Hummingbird

/// Bounds what a visitor can send: a URI longer than 8 KiB gets 414, a declared body larger than
/// 64 KiB gets 413 (no route reads a body; the connection is closed rather than drained).
struct RequestLimitsMiddleware<Context: RequestContext>: RouterMiddleware {
    static var maximumURILength: Int { 8 * 1024 }
    static var maximumBodyLength: Int { 64 * 1024 }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        if request.uri.description.utf8.count > Self.maximumURILength {
            throw HTTPError(.uriTooLong, message: "The address is longer than \(Self.maximumURILength) bytes.")
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > Self.maximumBodyLength {
            throw HTTPError(
                .contentTooLarge, headers: [.connection: "close"],
                message: "Requests to this node carry at most \(Self.maximumBodyLength) bytes of body.")
        }
        return try await next(request, context)
    }
}
