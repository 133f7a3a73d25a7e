import AsyncHTTPClient
import FakeUpstream
import Foundation
import Logging
import PostgresNIO
import SyncProtocol
import Testing

@testable import Website

/// Restored, wiped or diverged nodes heal by themselves; a dead database fails fast.
@Suite struct RepairTests {
    static func lookups(_ node: TestNode, _ names: [String]) async throws {
        for name in names { #expect(try await fetch("\(node.url)/heads/\(name)").status == 200) }
    }

    /// B's database copied into another database (as a restore does) and B started on the copy:
    /// its feed has a new epoch, A starts again from the beginning and says so, and B's new
    /// lookups reach A.
    @Test func aRestoredNeighbourIsPulledAgainFromTheBeginning() async throws {
        try await withFakeUpstream { upstream in
            let original = try await TestDatabase.create()
            try await withNodes([[:]], upstream: upstream) { nodes in
                let a = nodes[0]
                var bID = ""
                try await withNodes([["DATABASE_URL": original]], upstream: upstream) { b in
                    bID = try await b[0].nodeID()
                    try await Self.lookups(b[0], ["before"])
                    try a.connect(to: [b[0]])
                    #expect(try await eventually { try await a.digest() == b[0].digest() })
                }
                // As after a restore into a fresh cluster: A's checkpoint names transaction ids that
                // B's new cluster will not reach for a long time. Without epochs A would wait there.
                try await TestDatabase.withClient(a.database) { [bID] client in
                    _ = try await client.query("UPDATE peers SET checkpoint = '999999999.1' WHERE node_id = \(bID)")
                }
                let restored = try await TestDatabase.copy(original)
                try await withNodes([["DATABASE_URL": restored]], upstream: upstream) { b in
                    #expect(try await b[0].nodeID() == bID)  // a restore keeps the identity
                    try a.connect(to: [b[0]])
                    try b[0].connect(to: [a])
                    try await Self.lookups(a, ["froma"])
                    try await Self.lookups(b[0], ["after", "before"])
                    #expect(try await eventually { try await a.digest() == b[0].digest() })
                    #expect(try await a.total("after") == 1)
                    #expect(try await b[0].total("froma") == 1)  // and it gets its neighbour's
                    #expect(try await a.total("before") == 2)
                    let epoch = try await TestDatabase.scalar(restored, "SELECT epoch FROM feed_epoch", as: String.self)
                    let pulled = try await TestDatabase.scalar(
                        a.database, "SELECT checkpoint_epoch FROM peers WHERE node_id = \(bID)", as: String.self)
                    #expect(pulled == epoch)
                }
            }
        }
    }

    /// B's database wiped: B starts with a new identity, gets everything back from A, and the old
    /// identity's records stay attributed to it.
    @Test func aWipedNodeConvergesWithANewIdentity() async throws {
        try await withFakeUpstream { upstream in
            try await withNodes([[:]], upstream: upstream) { nodes in
                let a = nodes[0]
                var oldID = ""
                try await withNodes([[:]], upstream: upstream) { b in
                    oldID = try await b[0].nodeID()
                    try await Self.lookups(b[0], ["wiped", "wiped"])
                    try a.connect(to: [b[0]])
                    try b[0].connect(to: [a])
                    #expect(try await eventually { try await a.digest() == b[0].digest() })
                }
                try await withNodes([[:]], upstream: upstream) { b in
                    let newID = try await b[0].nodeID()
                    #expect(newID != oldID)
                    try a.connect(to: [b[0]])
                    try b[0].connect(to: [a])
                    try await Self.lookups(b[0], ["wiped"])
                    #expect(try await eventually { try await a.digest() == b[0].digest() })
                    let attributed = try await TestDatabase.scalar(
                        b[0].database,
                        "SELECT string_agg(origin || '=' || count, ',' ORDER BY count) FROM lookup_counts WHERE name_key = 'wiped'",
                        as: String.self)
                    #expect(attributed == "\(newID)=1,\(oldID)=2")
                }
            }
        }
    }

    /// Whether A's feed has nothing left for B, waiting until it has not (on a busy cluster, other
    /// transactions hold the feed's horizon back for a while): from then on only anti-entropy can
    /// repair B.
    static func feedDrained(from a: TestNode, to b: TestNode) async throws -> Bool {
        let aID = try await a.nodeID()
        return try await eventually(timeout: .seconds(60)) {
            let checkpoint =
                try await TestDatabase.scalar(
                    b.database, "SELECT checkpoint FROM peers WHERE node_id = \(aID)", as: String.self) ?? "0"
            let answer = try await fetch("\(a.url)/api/v1/changes?since=\(checkpoint)&limit=10")
            let document = try JSONDecoder().decode(ChangesDocument.self, from: Data(answer.body))
            return document.records.isEmpty
        }
    }

    /// Whether B's anti-entropy has merged anything that changed it.
    static func antiEntropyRepaired(_ b: TestNode) async throws -> Bool {
        let metrics = try await fetch("\(b.url)/metrics").text
        return metrics.split(separator: "\n").contains {
            $0.hasPrefix("heads_anti_entropy_repaired_total{") && !$0.hasSuffix(" 0")
        }
    }

    /// Every kind of record, deleted on B after the feed delivered it, comes back by anti-entropy
    /// alone (the list of kinds drives the digests, the records answer and this test).
    @Test(arguments: RecordKind.allCases) func eachKindIsRepairedByAntiEntropyAlone(kind: RecordKind) async throws {
        try await withFakeUpstream { upstream in
            try await withNodes([[:], ["ANTI_ENTROPY_INTERVAL_SECONDS": "1"]], upstream: upstream) { nodes in
                let (a, b) = (nodes[0], nodes[1])
                let aID = try await a.nodeID()
                try await Self.lookups(a, ["kinda", "kindb", "kindc"])
                let content = { (node: TestNode) in
                    try await TestDatabase.scalar(
                        node.database,
                        PostgresQuery(
                            unsafeSQL: """
                                SELECT count(*) || ' ' || coalesce(bit_xor(\(kind.contentHash)), 0)
                                FROM \(kind.table) WHERE origin = '\(aID)'
                                """), as: String.self) ?? ""
                }
                let onA = try await content(a)
                #expect(!onA.hasPrefix("0 "), "A has no \(kind) records")
                try b.connect(to: [a])
                #expect(try await eventually(timeout: .seconds(30)) { try await content(b) == onA })
                #expect(try await Self.feedDrained(from: a, to: b))
                let deleted = try await TestDatabase.withClient(b.database) { client in
                    try await client.query(
                        PostgresQuery(unsafeSQL: "DELETE FROM \(kind.table) WHERE origin = '\(aID)' RETURNING 1")
                    ).collect().count
                }
                #expect(deleted > 0)
                #expect(try await eventually(timeout: .seconds(60)) { try await content(b) == onA })
                #expect(try await Self.antiEntropyRepaired(b))
            }
        }
    }

    /// Rows deleted by hand on B come back within one anti-entropy interval, although the feed has
    /// long moved past them.
    @Test func rowsDeletedByHandComeBack() async throws {
        try await withFakeUpstream { upstream in
            try await withNodes([[:], ["ANTI_ENTROPY_INTERVAL_SECONDS": "1"]], upstream: upstream) { nodes in
                let (a, b) = (nodes[0], nodes[1])
                try await Self.lookups(a, (0..<40).map { "gone\($0)" })
                try b.connect(to: [a])
                #expect(try await eventually { try await a.digest() == b.digest() })
                #expect(try await Self.feedDrained(from: a, to: b))
                let deleted = try await TestDatabase.withClient(b.database) { client in
                    let counts = try await client.query(
                        "DELETE FROM lookup_counts WHERE name_key LIKE 'gone1%' RETURNING 1"
                    ).collect().count
                    let profiles = try await client.query(
                        "DELETE FROM profiles WHERE name_key IN ('gone2', 'gone3') RETURNING 1"
                    ).collect().count
                    return counts + profiles
                }
                #expect(deleted == 13)  // gone1, gone10–gone19 and two profiles
                #expect(try await eventually(timeout: .seconds(60)) { try await a.digest() == b.digest() })
                // The feed cannot have brought them back (nothing changed on A): anti-entropy did.
                let repaired = try await eventually { try await Self.antiEntropyRepaired(b) }
                if !repaired {
                    let lines = try await fetch("\(b.url)/metrics").text.split(separator: "\n").filter {
                        $0.contains("anti_entropy") || $0.contains("sync_records") || $0.contains("sync_failures")
                    }
                    let peers = try await fetch("\(b.url)/api/v1/peers").text
                    Issue.record("no anti-entropy repair on B: \(lines.joined(separator: " | ")) \(peers)")
                }
            }
        }
    }

    /// Two nodes that never pulled each other's feed (a partition), each with lookups of its
    /// own: anti-entropy alone, one round each way, brings both to the same digest, and a second
    /// round finds nothing to fetch.
    @Test func antiEntropyAloneReconcilesAPartition() async throws {
        try await withFakeUpstream { upstream in
            try await withNodes([[:], [:]], upstream: upstream) { nodes in
                let (a, b) = (nodes[0], nodes[1])
                try await Self.lookups(a, ["left", "both", "both"])
                try await Self.lookups(b, ["right", "both"])
                #expect(try await a.digest() != b.digest())
                let (aID, bID) = (try await a.nodeID(), try await b.nodeID())
                let first = try await Self.reconcile(
                    b, from: a, neighbourID: aID, realm: AppConfiguration.realm(of: upstream))
                _ = try await Self.reconcile(a, from: b, neighbourID: bID, realm: AppConfiguration.realm(of: upstream))
                #expect(first.rangesFetched > 0)
                #expect(try await a.digest() == b.digest())
                let again = try await Self.reconcile(
                    b, from: a, neighbourID: aID, realm: AppConfiguration.realm(of: upstream))
                #expect(again.rangesFetched == 0)
                #expect(again.messages == 1)
            }
        }
    }

    /// One anti-entropy round of `node` against `neighbour`, run in the test process (no feed).
    static func reconcile(
        _ node: TestNode, from neighbour: TestNode, neighbourID: String, realm: String
    ) async throws
        -> AntiEntropy.Report
    {
        try await TestDatabase.withClient(node.database) { client in
            let database = Database(client: client, timeout: .seconds(10), logger: TestDatabase.logger)
            let ownID = try await TestDatabase.scalar(
                node.database, "SELECT node_id FROM node_identity", as: String.self)!
            let metrics = NodeMetrics()
            let client = NeighbourClient(
                httpClient: HTTPClient.shared, tlsClients: NeighbourTLSClients(additionalAuthorities: nil),
                timeout: .seconds(10), maximumResponseBytes: 16 * 1024 * 1024)
            let puller = NeighbourPuller(
                nodeID: neighbourID, target: .init(addresses: [neighbour.url], upstreamRealm: realm),
                settings: .init(batchSize: 100, wait: .zero, upstreamRealm: realm), database: database,
                neighbour: client,
                blocklist: Blocklist(
                    list: "", file: "/nonexistent", node: LocalNode(name: "test"),
                    trust: TrustRepository(database: database),
                    metrics: metrics, logger: TestDatabase.logger),
                ownID: ownID, metrics: metrics, logger: TestDatabase.logger)
            return try await puller.antiEntropyRound(base: neighbour.url)
        }
    }
}
