import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Website

/// The shapes of the pages' and the API's answers, asked of the router directly
/// (`app.test(.router)`: no socket, and only the services requests need; see ``RoutedNode``). A newcomer adds a
/// route's expectations here.
@Suite struct RouterShapeTests {
    /// The node's application on a fresh database, for `body` to ask through the router.
    func withRouter(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await withFakeUpstream { upstream in
            try await withRoutedNode(database: try await TestDatabase.create(), upstream: upstream) { node in
                try await body(node.client)
            }
        }
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    @Test func pagesAreHTMLWithTheirSecurityHeaders() async throws {
        try await withRouter { client in
            for uri in ["/", "/federation", "/heads/alice"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    #expect(response.headers[.contentType]?.hasPrefix("text/html") == true, "\(uri)")
                    let policy = response.headers[.contentSecurityPolicy] ?? ""
                    #expect(policy.contains("script-src 'self'"), "\(uri)")
                }
            }
            // HEAD answers as GET does, without a body.
            try await client.execute(uri: "/", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/no-such-page", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
            }
        }
    }

    @Test func theAPIAnswersJSONAndItsErrorsTooInOneShape() async throws {
        try await withRouter { client in
            try await client.execute(uri: "/api/v1/node", method: .get) { response in
                #expect(response.status == .ok)
                let node = try Self.json(response)
                for key in ["nodeId", "name", "softwareVersion", "protocolVersion", "capabilities", "upstreamRealm"] {
                    #expect(node[key] != nil, "\(key)")
                }
                #expect(node["softwareVersion"] as? String == SoftwareVersion.current)
            }
            _ = try await client.execute(uri: "/heads/alice", method: .get)
            try await client.execute(uri: "/api/v1/heads/alice", method: .get) { response in
                #expect(response.status == .ok)
                let head = try Self.json(response)
                #expect(head["totalCount"] as? Int == 1)
                #expect(head["localCount"] as? Int == 1)
                #expect((head["perNode"] as? [[String: Any]])?.count == 1)
                #expect(head["uuid"] as? String != nil)
            }
            for (uri, status) in [
                ("/api/v1/heads/not%20a%20name", HTTPResponse.Status.badRequest),
                ("/api/v1/heads/nobodyknows", .notFound), ("/api/v1/changes?since=bogus", .badRequest),
                ("/api/v1/no-such-thing", .notFound),
            ] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == status, "\(uri)")
                    #expect(response.headers[.contentType]?.hasPrefix("application/json") == true, "\(uri)")
                    let body = try Self.json(response)
                    #expect(body["error"] is String, "\(uri)")
                }
            }
            // The feed serves a change once no older transaction of the cluster may still come
            // before it (other tests' databases share it): read until the lookup's are served.
            var kinds: Set<String> = []
            let served = try await eventually {
                let response = try await client.execute(uri: "/api/v1/changes?since=0&limit=10", method: .get)
                #expect(response.status == .ok)
                let changes = try Self.json(response)
                for key in ["nodeId", "since", "next", "more", "latestSequence", "records", "epoch"] {
                    #expect(changes[key] != nil, "\(key)")
                }
                kinds = Set((changes["records"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String })
                return kinds == ["node", "profile", "count"]
            }
            #expect(served, "kinds served: \(kinds)")
        }
    }
}
