import AsyncHTTPClient
import FakeUpstream
import Foundation
import NIOSSL
import Testing

@testable import Website

/// A neighbour across the internet: `https://name:port` in the peers list, reached at each address
/// the name resolves to, with the certificate checked against the name (SNI and `Host` carry it).
@Suite struct TLSNeighbourTests {
    @Test func aNeighbourBehindTLSIsPulledWithItsCertificateCheckedAgainstItsName() async throws {
        let certificates = try TestCertificates.make(names: ["node-b.test"])
        let resolver = StaticNameResolver(table: ["node-b.test": ["127.0.0.1"], "wrong.test": ["127.0.0.1"]])
        try await withFakeUpstream { upstream in
            try await withNodes(
                [
                    [
                        "NODE_NAME": "tls-b", "TLS_CERTIFICATE_FILE": certificates.certificate("node-b.test"),
                        "TLS_KEY_FILE": certificates.key("node-b.test"),
                    ],
                    ["NODE_NAME": "plain-a", "SYNC_TLS_CA_FILE": certificates.authority],
                ], upstream: upstream, resolver: resolver
            ) { nodes in
                let (b, a) = (nodes[0], nodes[1])
                let port = try #require(URLComponents(string: b.url)?.port)
                let secureB = "https://node-b.test:\(port)"

                // B serves HTTPS with its certificate; a visitor trusting the authority looks up Notch there.
                var tls = TLSConfiguration.makeClientConfiguration()
                tls.additionalTrustRoots = [.file(certificates.authority)]
                var configuration = HTTPClient.Configuration(tlsConfiguration: tls)
                configuration.dnsOverride = ["node-b.test": "127.0.0.1"]
                let visitor = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
                var status: UInt = 0
                do {
                    status = try await visitor.execute(
                        HTTPClientRequest(url: "\(secureB)/heads/Notch"), timeout: .seconds(30)
                    ).status.code
                } catch {
                    Issue.record("HTTPS lookup on B failed: \(error)")
                }
                try await visitor.shutdown()
                #expect(status == 200)

                try secureB.write(toFile: a.peersFile, atomically: true, encoding: .utf8)
                #expect(try await eventually { try await a.total("notch") == 1 })
                #expect(try await fetch("\(a.url)/federation").text.contains("\(secureB) via 127.0.0.1"))

                // The name is what the certificate is checked against: another name on the same
                // address, or an authority not trusted, is refused.
                let bID = try await TestDatabase.scalar(
                    b.database, "SELECT node_id FROM node_identity", as: String.self)
                let trusting = NeighbourClient(
                    httpClient: .shared, tlsClients: NeighbourTLSClients(additionalAuthorities: certificates.authority),
                    timeout: .seconds(5), maximumResponseBytes: 1 << 20)
                let untrusting = NeighbourClient(
                    httpClient: .shared, tlsClients: NeighbourTLSClients(additionalAuthorities: nil),
                    timeout: .seconds(5), maximumResponseBytes: 1 << 20)
                #expect(try await trusting.nodeInfo(at: "\(secureB) via 127.0.0.1").nodeId == bID)
                await #expect(throws: (any Error).self) {
                    try await trusting.nodeInfo(at: "https://wrong.test:\(port) via 127.0.0.1")
                }
                await #expect(throws: (any Error).self) {
                    try await untrusting.nodeInfo(at: "\(secureB) via 127.0.0.1")
                }
                try await trusting.tlsClients.shutdown()
                try await untrusting.tlsClients.shutdown()
            }
        }
    }
}
