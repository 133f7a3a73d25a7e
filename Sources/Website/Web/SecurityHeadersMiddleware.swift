import Hummingbird

/// The response headers the OWASP Secure Headers Project recommends for a site like this one:
/// everything (styles, images, forms, the live pages' script and its events) comes from the node itself, no page may be framed, no
/// content type is sniffed, and no referrer leaves the site. Added to every response, errors too.
/// Served over the node's own TLS, responses also carry HSTS (browsers then refuse plain HTTP to
/// the host for a year); behind a proxy that terminates TLS, the proxy sends it.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var headers: HTTPFields { securityHeaderFields }
    static var strictTransportSecurity: String { "max-age=31536000" }
    /// Whether the node serves HTTPS itself.
    var servesTLS = false

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        for field in Self.headers where response.headers[field.name] == nil {
            response.headers.append(field)
        }
        if servesTLS { response.headers[.strictTransportSecurity] = Self.strictTransportSecurity }
        return response
    }
}

/// Built once: every response carries them.
private let securityHeaderFields: HTTPFields =
    [
        .contentSecurityPolicy:
            "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        .xContentTypeOptions: "nosniff",
        .init("X-Frame-Options")!: "DENY",
        .init("Referrer-Policy")!: "no-referrer",
        .init("Cross-Origin-Opener-Policy")!: "same-origin",
        .init("Permissions-Policy")!: "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    ]
