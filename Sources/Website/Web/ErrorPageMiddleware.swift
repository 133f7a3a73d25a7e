import Hummingbird
import Logging
import PostgresNIO
import SyncProtocol

/// Turns errors into responses: HTML error pages for the site, JSON `{"error": …}` under `/api`.
/// A database that cannot be reached gives 503 rather than a crash or a hung request.
struct ErrorPageMiddleware<Context: RequestContext>: RouterMiddleware {
    let renderer: PageRenderer

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let page = Self.page(for: error, logger: context.logger)
            if request.uri.path.hasPrefix("/api/") {
                return try APIError(status: page.status, message: page.message, headers: page.headers).response()
            }
            var response = renderer.render(
                "error", title: page.heading,
                ErrorPageView(
                    status: page.status.code, heading: page.heading, message: page.message,
                    username: page.username ?? ""),
                status: page.status)
            response.headers.append(contentsOf: page.headers)
            return response
        }
    }

    static func page(for error: any Error, logger: Logger) -> PageError {
        switch error {
        case let error as PageError:
            return error
        case let error as LookupError:
            return PageError(error)
        case let error as UsernameError:
            return .badUsername(error)
        case let error as HTTPError:
            let message = error.body ?? "\(error.status.reasonPhrase)."
            let heading = error.status == .notFound ? "Page not found" : error.status.reasonPhrase
            return PageError(status: error.status, heading: heading, message: message, headers: error.headers)
        case is PSQLError, is PostgresDecodingError, is DatabaseTimeout, is DatabaseUnavailable:
            logger.error("database error", metadata: ["error": "\(String(reflecting: error))"])
            return PageError(
                status: .serviceUnavailable, heading: "The database is unavailable",
                message: "This node cannot reach its database right now. Please try again shortly.",
                headers: [.retryAfter: "5"])
        default:
            logger.error("unexpected error", metadata: ["error": "\(String(reflecting: error))"])
            return PageError(
                status: .internalServerError, heading: "Something went wrong",
                message: "The node could not answer this request.")
        }
    }
}
