import AsyncHTTPClient
import ServiceLifecycle

/// Keeps the shared HTTP client for the lifetime of the application and shuts it down on
/// graceful shutdown, after the server has stopped taking requests.
struct HTTPClientService: Service {
    let client: HTTPClient
    let tlsClients: NeighbourTLSClients

    func run() async throws {
        try? await gracefulShutdown()
        try await tlsClients.shutdown()
        try await client.shutdown()
    }
}
