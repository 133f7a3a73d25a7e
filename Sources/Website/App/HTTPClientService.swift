import AsyncHTTPClient
import ServiceLifecycle

/// Keeps the shared HTTP client for the lifetime of the application and shuts it down on
/// graceful shutdown, after the server has stopped taking requests.
struct HTTPClientService: Service {
    let client: HTTPClient

    func run() async throws {
        try? await gracefulShutdown()
        try await client.shutdown()
    }
}
