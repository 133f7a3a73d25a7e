import FakeUpstream
import Foundation
import Hummingbird
import SyncProtocol
import Testing

@testable import Website

@Suite struct TrustAndDiscoveryTests {
    /// A neighbour that serves forged records next to good ones.
    static func withForgingNeighbour<T: Sendable>(
        victim: String, realm: String, _ body: (String, NodeIdentity) async throws -> T
    ) async throws -> T {
        let evil = NodeIdentity.generate()
        let now = Int64(Date().timeIntervalSince1970 * 1_000_000)
        var tampered = CountRecord(origin: evil.nodeID, nameKey: "tampered", count: 7, lastLookupAtMicros: now)
        let tamperedSignature = evil.sign(tampered).signature
        tampered.count = 700
        let stolen = CountRecord(origin: victim, nameKey: "stolen", count: 9, lastLookupAtMicros: now)
        var records = [
            WireRecord(
                evil.sign(CountRecord(origin: evil.nodeID, nameKey: "honest", count: 5, lastLookupAtMicros: now))),
            WireRecord(.count(tampered, signature: tamperedSignature)),
            WireRecord(
                .count(
                    stolen,
                    signature: evil.sign(
                        CountRecord(origin: evil.nodeID, nameKey: "stolen", count: 9, lastLookupAtMicros: now)
                    ).signature)),
            WireRecord(
                evil.sign(
                    ProfileRecord(
                        nameKey: "honest", displayName: "Honest", uuid: FakePlayers.uuid(for: "honest"),
                        resolvedAtMicros: now,
                        origin: evil.nodeID, avatarSHA256: nil))),
        ]
        var malformed = records[0]
        malformed.kind = "gift"
        records.append(malformed)
        let served = records
        let router = Router()
        router.get("/api/v1/node") { _, _ in
            NodeDocumentForTests(nodeId: evil.nodeID, name: "evil", upstreamRealm: realm)
        }
        router.get("/api/v1/changes") { request, _ -> ChangesDocument in
            let since = request.uri.queryParameters.get("since") ?? "0"
            if since != "0" {
                let wait = Double(request.uri.queryParameters.get("wait") ?? "0") ?? 0
                try await Task.sleep(for: .milliseconds(Int(wait * 1000)))
                return ChangesDocument(
                    nodeId: evil.nodeID, since: since, next: since, more: false, latestSequence: 5, records: [])
            }
            return ChangesDocument(
                nodeId: evil.nodeID, since: "0", next: "100.5", more: false, latestSequence: 5, records: served)
        }
        return try await withRunningApp(
            { onRunning in
                Application(
                    router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                    onServerRunning: { await onRunning($0.localAddress!.port!) })
            }, { port in try await body("http://127.0.0.1:\(port)", evil) })
    }

    struct NodeDocumentForTests: ResponseEncodable {
        var nodeId: String
        var name: String
        var upstreamRealm: String
    }

    @Test func forgedRecordsAreRejectedCountedAndNotRelayed() async throws {
        try await withFakeUpstream { upstream in
            try await withNodes([[:], [:]], upstream: upstream) { nodes in
                let (b, c) = (nodes[0], nodes[1])
                let victim = try await c.nodeID()
                try await Self.withForgingNeighbour(victim: victim, realm: AppConfiguration.realm(of: upstream)) {
                    evilURL, evil in
                    try "\(evilURL)\n".write(toFile: b.peersFile, atomically: true, encoding: .utf8)
                    try c.connect(to: [b])
                    #expect(
                        try await eventually {
                            try await TestDatabase.scalar(
                                b.database, "SELECT rejected_total FROM peers WHERE node_id = \(evil.nodeID)",
                                as: Int64.self) == 2
                        })
                    // Two signatures that do not verify; the record of an unknown kind is skipped
                    // quietly, as a newer version's would be (docs/protocol.md, "Compatibility").
                    #expect(
                        try await HostileNeighbourTests.rejections(b, from: evil.nodeID) == ["bad_signature": 2])
                    let names = try await TestDatabase.scalar(
                        b.database,
                        "SELECT string_agg(name_key || '=' || count, ',' ORDER BY name_key) FROM lookup_counts",
                        as: String.self)
                    #expect(names == "honest=5")
                    #expect(
                        try await TestDatabase.scalar(b.database, "SELECT count(*) FROM profiles", as: Int64.self) == 1)
                    // C, pulling from B, gets the good records and nothing else.
                    #expect(try await eventually { try await c.digest() == b.digest() })
                    #expect(
                        try await TestDatabase.scalar(c.database, "SELECT count(*) FROM lookup_counts", as: Int64.self)
                            == 1)
                }
            }
        }
    }

    @Test func replicasOfANodeHaveExactlyOnePullerPerNeighbour() async throws {
        let shared = try await TestDatabase.create()
        try await withFakeUpstream { upstream in
            try await withNodes([[:], ["DATABASE_URL": shared], ["DATABASE_URL": shared]], upstream: upstream) {
                nodes in
                let (a, b1, b2) = (nodes[0], nodes[1], nodes[2])
                try b1.connect(to: [a])
                try b2.connect(to: [a])
                let aID = try await a.nodeID()
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for client in 0..<4 {
                        group.addTask {
                            for _ in 0..<25 {
                                let status = try await fetch(
                                    "\(a.url)/heads/\(client.isMultiple(of: 2) ? "ida" : "joe")"
                                ).status
                                if status != 200 { throw TestFailure("lookup answered \(status)") }
                            }
                        }
                    }
                    try await group.waitForAll()
                }
                #expect(try await eventually { try await b1.digest() == a.digest() })
                #expect(try await b1.total("ida") == 50)
                #expect(try await b1.total("joe") == 50)
                let leases = try await TestDatabase.scalar(
                    shared, "SELECT count(DISTINCT lease_holder) FROM peers WHERE lease_until > now()", as: Int64.self)
                #expect(leases == 1)
                let pulling = try await [b1, b2].asyncFilter { node in
                    try await fetch("\(node.url)/metrics").text.contains(
                        "heads_sync_records_received_total{neighbour=\"\(aID)\"}")
                }
                #expect(pulling.count == 1)
                #expect(try await b1.nodeID() == b2.nodeID())
            }
        }
    }

    @Test func aNameWithSeveralAddressesIncludingItselfGivesTheOtherNodes() async throws {
        let hosts = ["127.0.0.11", "127.0.0.12", "127.0.0.13"]
        let port = try freePort(on: hosts)
        let resolver = StaticNameResolver(table: ["website": hosts])
        try await withFakeUpstream { upstream in
            let environments = hosts.map { ["HTTP_HOST": $0, "HTTP_PORT": String(port)] }
            try await withNodes(environments, upstream: upstream, resolver: resolver) { nodes in
                for node in nodes {
                    try "# every node lists the same service name\nwebsite:\(port)\n".write(
                        toFile: node.peersFile, atomically: true, encoding: .utf8)
                }
                let ids = try await [nodes[0].nodeID(), nodes[1].nodeID(), nodes[2].nodeID()]
                func activeNeighbours(_ node: TestNode) async throws -> Set<String> {
                    let json = try JSONSerialization.jsonObject(
                        with: Data(try await fetch("\(node.url)/api/v1/peers").body))
                    let peers = (json as? [String: Any])?["peers"] as? [[String: Any]] ?? []
                    return Set(
                        peers.filter { ($0["state"] as? String) == "idle" }.compactMap { $0["nodeId"] as? String })
                }
                #expect(try await eventually { try await activeNeighbours(nodes[0]) == [ids[1], ids[2]] })
                #expect(try await eventually { try await activeNeighbours(nodes[1]) == [ids[0], ids[2]] })
                // The address where node 0 found itself is marked as itself.
                let own = try JSONSerialization.jsonObject(
                    with: Data(try await fetch("\(nodes[0].url)/api/v1/peers").body))
                #expect((own as? [String: Any])?["addressesOfItself"] as? [String] == ["http://127.0.0.11:\(port)"])
                // Editing the peers file without a restart: drop the name, then add one node back.
                try "".write(toFile: nodes[0].peersFile, atomically: true, encoding: .utf8)
                #expect(try await eventually { try await activeNeighbours(nodes[0]).isEmpty })
                try "http://127.0.0.12:\(port)\n".write(toFile: nodes[0].peersFile, atomically: true, encoding: .utf8)
                #expect(try await eventually { try await activeNeighbours(nodes[0]) == [ids[1]] })
                // As Notepad saves it on Windows, with a typo: the good entries still count, and the
                // bad one is named on the federation page and in /api/v1/peers.
                try "\u{FEFF}# neighbours\r\nhttp://127.0.0.12:\(port)\r\nhttp://127.0.0.13:\(port)/\r\nwebsite 14\r\n"
                    .write(
                        toFile: nodes[0].peersFile, atomically: true, encoding: .utf8)
                #expect(try await eventually { try await activeNeighbours(nodes[0]) == [ids[1], ids[2]] })
                let problems = try await eventually {
                    let peers = try JSONSerialization.jsonObject(
                        with: Data(try await fetch("\(nodes[0].url)/api/v1/peers").body))
                    return (peers as? [String: Any])?["peersListProblems"] as? [String] == [
                        "\(nodes[0].peersFile): 3 entries, 1 not a neighbour's address (name, name:port, "
                            + "http://host:port or https://host[:port]): “website 14”"
                    ]
                }
                #expect(problems)
                let page = String(decoding: try await fetch("\(nodes[0].url)/federation").body, as: UTF8.self)
                #expect(page.contains("3 entries, 1 not a neighbour") && page.contains("“website 14”"))
            }
        }
    }
}

extension Array where Element: Sendable {
    func asyncFilter(_ keep: (Element) async throws -> Bool) async rethrows -> [Element] {
        var result: [Element] = []
        for element in self where try await keep(element) { result.append(element) }
        return result
    }
}
