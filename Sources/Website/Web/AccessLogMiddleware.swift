import Hummingbird
import Logging
import SyncProtocol

/// One access-log line per request at `info`: method, path, status and duration. (Hummingbird's
/// `LogRequestsMiddleware` logs a request when it arrives, without its status or duration.)
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        let started = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, status: response.status.code, since: started, logger: context.logger)
            return response
        } catch let error as HTTPResponseError {
            log(request, status: error.status.code, since: started, logger: context.logger)
            throw error
        } catch {
            log(request, status: 500, since: started, logger: context.logger)
            throw error
        }
    }

    private func log(_ request: Request, status: Int, since started: ContinuousClock.Instant, logger: Logger) {
        let duration = (ContinuousClock.now - started).seconds * 1000
        logger.info(
            "request",
            metadata: [
                "method": "\(request.method.rawValue)", "path": "\(request.uri.path)", "status": "\(status)",
                "duration_ms": "\(String(format: "%.1f", duration))",
            ])
    }
}
