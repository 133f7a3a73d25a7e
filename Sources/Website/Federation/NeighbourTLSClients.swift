import AsyncHTTPClient
import NIOSSL
import Synchronization

/// HTTP clients for neighbours behind TLS, one per (name, address): AsyncHTTPClient's
/// `dnsOverride` connects a client to one chosen address while it sends the name as SNI and
/// `Host` and checks the certificate against it. Trusts the system's authorities and, when
/// `SYNC_TLS_CA_FILE` is set, the authorities in that PEM file too.
final class NeighbourTLSClients: Sendable {
    private let tls: TLSConfiguration
    private let clients = Mutex<[String: HTTPClient]>([:])

    init(additionalAuthorities file: String?) {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let file { tls.additionalTrustRoots = [.file(file)] }
        self.tls = tls
    }

    /// The client that reaches `base` (at its connect address when it names one).
    func client(for base: NeighbourBase) -> HTTPClient {
        let key = base.description
        return clients.withLock { clients in
            if let client = clients[key] { return client }
            var configuration = HTTPClient.Configuration(
                tlsConfiguration: tls, redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5)))
            if let address = base.connectAddress, let host = base.host {
                configuration.dnsOverride = [host: address]
            }
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            clients[key] = client
            return client
        }
    }

    /// Closes the clients of every base not in `bases` (their text forms), and returns once they
    /// are closed.
    func retain(only bases: Set<String>) async {
        let dropped = clients.withLock { clients in
            let dropped = clients.filter { !bases.contains($0.key) }
            for key in dropped.keys { clients[key] = nil }
            return Array(dropped.values)
        }
        for client in dropped { try? await client.shutdown() }
    }

    /// Clients open (for tests).
    var count: Int { clients.withLock { $0.count } }

    func shutdown() async throws {
        for client in clients.withLock({ clients in
            defer { clients = [:] }
            return Array(clients.values)
        }) {
            try await client.shutdown()
        }
    }
}
