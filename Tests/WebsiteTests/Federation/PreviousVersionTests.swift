import Foundation
import SyncProtocol
import Testing

@testable import Website

/// The previous minor version, as its own binary answered and stored: its wire answers replayed
/// by a fake neighbour, and a dump of its database upgraded in place (docs/protocol.md,
/// Compatibility). Recorded by `scripts/record-fixtures` from that version's binary.
@Suite struct PreviousVersionTests {
    /// The versions whose recordings are replayed: every minor version this one interoperates with
    /// (0.3.0 recorded from a6287ab, 0.4.0 from 4f1d202, by `scripts/record-fixtures`).
    static let versions = ["0.2.0", "0.3.0", "0.4.0"]
    /// The realm the recorded node named, as a default-configured node does (its lookups went to
    /// a stand-in); this node is configured the same.
    static let defaultRealm = AppConfiguration.realm(of: AppConfiguration.defaultMojangAPIURL)

    /// Each name's count as the recorded node counted it.
    static func counts(_ recorded: RecordedNeighbour) -> [String: Int64] {
        Dictionary(recorded.manifest.lookups.map { ($0, 1) }, uniquingKeysWith: +)
    }

    /// Runs `body` with one node of this version (default realm, plus `settings`) whose one
    /// neighbour is the recorded node.
    static func withNode(
        beside recorded: RecordedNeighbour, settings: [String: String] = [:], _ body: (TestNode) async throws -> Void
    ) async throws {
        try await withFakeUpstream { upstream in
            try await recorded.run { neighbourURL in
                try await withNodes([settings.merging(["UPSTREAM_REALM": defaultRealm]) { $1 }], upstream: upstream) {
                    nodes in
                    let node = nodes[0]
                    try "\(neighbourURL)\n".write(toFile: node.peersFile, atomically: true, encoding: .utf8)
                    try await body(node)
                }
            }
        }
    }

    /// Whether `node` holds each name's count as the recorded node counted it.
    static func hasEveryCount(_ node: TestNode, of recorded: RecordedNeighbour) async throws -> Bool {
        for (name, count) in counts(recorded) where try await node.total(name) != count { return false }
        return true
    }

    /// Everything a node of the previous version serves reaches this one: counts, profiles, head
    /// images by hash and the node's name, with nothing refused or left unasked.
    @Test(arguments: versions) func aNeighbourOfThePreviousVersionIsPulledCompletely(version: String) async throws {
        let recorded = try RecordedNeighbour(version: version)
        let counts = Self.counts(recorded)
        try await Self.withNode(beside: recorded) { node in
            // Each name's count, head and profile, and the node's name.
            let expected = counts.keys.sorted().map { "\($0):\(counts[$0]!):head" } + ["previous-node"]
            let state = {
                try await TestDatabase.scalar(
                    node.database,
                    """
                    SELECT array_to_string(array(
                        SELECT c.name_key || ':' || c.count || ':' || CASE WHEN a.sha256 IS NULL THEN '-' ELSE 'head' END
                        FROM lookup_counts c LEFT JOIN profiles p USING (name_key)
                            LEFT JOIN avatars a ON a.sha256 = p.avatar_sha256
                        WHERE c.origin = \(recorded.manifest.nodeId) ORDER BY c.name_key
                    ) || array(SELECT name FROM node_records WHERE origin = \(recorded.manifest.nodeId)), ',')
                    """, as: String.self)
            }
            let complete = try await eventually(timeout: .seconds(30)) {
                try await state() == expected.joined(separator: ",")
            }
            let reached = try await state() ?? ""
            #expect(complete, "reached: \(reached)")
            for name in counts.keys.sorted() {
                let head = try await fetch("\(node.url)/api/v1/heads/\(name)")
                #expect(head.status == 200)
                #expect(head.text.contains("\"totalCount\":\(counts[name]!)"))
                #expect(head.text.contains("previous-node"))
            }
            for (request, file) in recorded.manifest.answers where request.hasPrefix("/api/v1/avatars/") {
                let image = try await fetch("\(node.url)\(request)")
                #expect(image.status == 200)
                #expect(Data(image.body) == (try recorded.file(file)))
            }
            let rejected = try await TestDatabase.scalar(
                node.database,
                "SELECT count(*) FROM peers WHERE state_reason IS NOT NULL OR rejected_total > 0",
                as: Int64.self)
            #expect(rejected == 0)
            #expect(recorded.unanswered.isEmpty, "asked what the previous version never answered")
        }
    }

    /// The previous version's digests of the same records are this version's (node records are in
    /// no range): anti-entropy between the two finds nothing to repair once the feed has
    /// delivered everything.
    @Test(arguments: versions) func digestsAgreeWithThePreviousVersion(version: String) async throws {
        let recorded = try RecordedNeighbour(version: version)
        let theirs = try Self.ranges(try #require(try recorded.answer(to: "/api/v1/digests?prefix=")))
        try await Self.withNode(beside: recorded) { node in
            #expect(try await eventually(timeout: .seconds(30)) { try await Self.hasEveryCount(node, of: recorded) })
            let ours = try Self.ranges(Data(try await fetch("\(node.url)/api/v1/digests?prefix=").body))
            #expect(ours == theirs)
        }
    }

    /// Anti-entropy with a neighbour of the previous version: it names no kinds in its digests, so
    /// both sides digest profiles and counts, and rounds end without a failure or a request the
    /// previous version could not answer.
    @Test(arguments: versions) func antiEntropyWithThePreviousVersionCompletes(version: String) async throws {
        let recorded = try RecordedNeighbour(version: version)
        try await Self.withNode(beside: recorded, settings: ["ANTI_ENTROPY_INTERVAL_SECONDS": "1"]) { node in
            let rounds = {
                try await fetch("\(node.url)/metrics").text.split(separator: "\n").first {
                    $0.hasPrefix("heads_anti_entropy_rounds_total{neighbour=\"\(recorded.manifest.nodeId)\"}")
                }.flatMap { Double($0.split(separator: " ").last ?? "") } ?? 0
            }
            #expect(
                try await eventually(timeout: .seconds(30)) {
                    guard try await Self.hasEveryCount(node, of: recorded) else { return false }
                    return try await rounds() >= 2
                })
            #expect(
                recorded.unanswered.isEmpty,
                "asked what the previous version never answered: \(recorded.unanswered)")
            let failures = try await fetch("\(node.url)/metrics").text.split(separator: "\n").filter {
                $0.hasPrefix("heads_sync_failures_total") && !$0.hasSuffix(" 0")
            }
            #expect(failures.isEmpty)
        }
    }

    /// Counters of the previous version's node deleted here after the feed delivered them come
    /// back by anti-entropy alone: one range per records request from 0.2.0 and 0.3.0, the three
    /// differing ranges in one request from 0.4.0 (which announces `maximumPrefixes`), each
    /// answered by what that version's binary answered.
    @Test(arguments: versions) func countersDeletedHereAreRepairedFromThePreviousVersion(version: String) async throws {
        let recorded = try RecordedNeighbour(version: version)
        let counts = Self.counts(recorded)
        try await Self.withNode(beside: recorded, settings: ["ANTI_ENTROPY_INTERVAL_SECONDS": "1"]) { node in
            let complete = { try await Self.hasEveryCount(node, of: recorded) }
            #expect(try await eventually(timeout: .seconds(30), complete))
            let names = Array(counts.keys.sorted().prefix(3))
            let deleted = try await TestDatabase.withClient(node.database) { client in
                try await client.query(
                    """
                    DELETE FROM lookup_counts WHERE origin = \(recorded.manifest.nodeId) AND name_key = ANY(\(names))
                    RETURNING 1
                    """
                ).collect().count
            }
            #expect(deleted == 3)
            #expect(try await eventually(timeout: .seconds(30), complete))
            #expect(try await RepairTests.antiEntropyRepaired(node))
            #expect(
                recorded.unanswered.isEmpty,
                "asked what the previous version never answered: \(recorded.unanswered)")
        }
    }

    /// A database the previous version's binary made is upgraded in place: same node, every
    /// count and profile, pages that answer, and a feed a node of this version pulls completely.
    @Test(arguments: versions) func aDatabaseOfThePreviousVersionIsUpgradedInPlace(version: String) async throws {
        let recorded = try RecordedNeighbour(version: version)
        let counts = Self.counts(recorded)
        let url = try await TestDatabase.create()
        let dump = PlainDump(String(decoding: try recorded.file("database.sql"), as: UTF8.self))
        try await TestDatabase.withClient(url) { client in try await dump.load(into: client) }
        try await withFakeUpstream { upstream in
            try await withNodes([["DATABASE_URL": url], [:]], upstream: upstream) { nodes in
                let (upgraded, fresh) = (nodes[0], nodes[1])
                #expect(try await upgraded.nodeID() == recorded.manifest.nodeId)
                for (name, count) in counts {
                    #expect(try await upgraded.total(name) == count)
                    let head = try await fetch("\(upgraded.url)/api/v1/heads/\(name)")
                    #expect(head.status == 200)
                    #expect(head.text.contains("\"totalCount\":\(count)"))
                }
                #expect(
                    try await TestDatabase.scalar(url, "SELECT count(*) FROM schema_migrations", as: Int64.self)
                        == Int64(Migrations.all.count))
                // Its digest buckets still equal its rows after the upgrade's migrations and the
                // new epoch's re-stamp of every row, and its lookups keep them so.
                try await DigestBucketTests.expectBucketsMatchRows(url, "\(version) upgraded")
                let front = try await fetch("\(upgraded.url)/")
                #expect(front.status == 200)
                for name in counts.keys { #expect(front.text.lowercased().contains(name)) }
                try fresh.connect(to: [upgraded])
                #expect(
                    try await eventually(timeout: .seconds(30)) {
                        for (name, count) in counts where try await fresh.total(name) != count { return false }
                        return try await TestDatabase.scalar(
                            fresh.database, "SELECT count(*) FROM profiles WHERE avatar_sha256 IS NOT NULL",
                            as: Int64.self) == Int64(counts.count)
                    })
            }
        }
    }

    /// "count digest" by range prefix, from a digests answer.
    static func ranges(_ data: Data) throws -> [String: String] {
        let document = try JSONDecoder().decode(DigestsDocument.self, from: data)
        return Dictionary(document.ranges.map { ($0.prefix, "\($0.count) \($0.digest)") }) { first, _ in first }
    }
}
