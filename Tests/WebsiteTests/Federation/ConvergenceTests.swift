import FakeUpstream
import Foundation
import SyncProtocol
import Testing

@testable import Website

/// Several nodes in one process, each with its own database, federated over loopback HTTP.
@Suite struct ConvergenceTests {
    @Test func lineABCRelaysLookupsFromAToC() async throws {
        let state = FakeUpstreamState()
        try await withFakeUpstream(state) { upstream in
            try await withNodes([["NODE_NAME": "a"], ["NODE_NAME": "b"], ["NODE_NAME": "c"]], upstream: upstream) {
                nodes in
                let (a, b, c) = (nodes[0], nodes[1], nodes[2])
                try b.connect(to: [a])
                try c.connect(to: [b])
                for _ in 0..<3 { #expect(try await fetch("\(a.url)/heads/alice").status == 200) }
                #expect(try await fetch("\(a.url)/heads/bob").status == 200)

                let converged = try await eventually { try await c.digest() == a.digest() }
                #expect(converged)
                #expect(try await c.total("alice") == 3)
                #expect(try await c.total("bob") == 1)
                // Head bytes travelled by hash: C serves them without asking the upstream.
                let aliceHead = HeadImage.hash(FakePlayers.headPNG(uuid: FakePlayers.uuid(for: "alice")))
                #expect(try await eventually { try await fetch("\(c.url)/api/v1/avatars/\(aliceHead)").status == 200 })
                let head = try await fetch("\(c.url)/avatars/\(FakePlayers.uuid(for: "alice")).png")
                #expect(head.body == FakePlayers.headPNG(uuid: FakePlayers.uuid(for: "alice")))
                #expect(state.avatarRequests == 2)
                #expect(state.profileRequests == 2)
                // C's pages show the federation's counts and name A as the origin.
                let page = try await fetch("\(c.url)/api/v1/heads/alice")
                #expect(page.text.contains("\"totalCount\":3"))
                #expect(page.text.contains("\"localCount\":0"))
                let aID = try await a.nodeID()
                #expect(page.text.contains(aID))
            }
        }
    }

    @Test func meshOfThreeWithConcurrentLookupsConverges() async throws {
        try await withFakeUpstream { upstream in
            try await withNodes([[:], [:], [:]], upstream: upstream) { nodes in
                for node in nodes { try node.connect(to: nodes.filter { $0.url != node.url }) }
                let names = ["ann", "ben", "cat", "dan", "eve"]
                let perClient = 30
                // Four clients per node, each looking up names in turn.
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for (index, node) in nodes.enumerated() {
                        for client in 0..<4 {
                            group.addTask {
                                for i in 0..<perClient {
                                    let name = names[(index + client + i) % names.count]
                                    let page = try await fetch("\(node.url)/heads/\(name)")
                                    if page.status != 200 {
                                        throw TestFailure("lookup answered \(page.status): \(page.text.suffix(1500))")
                                    }
                                }
                            }
                        }
                    }
                    try await group.waitForAll()
                }
                let made = Int64(nodes.count * 4 * perClient)
                let converged = try await eventually {
                    let digests = try await [nodes[0].digest(), nodes[1].digest(), nodes[2].digest()]
                    return Set(digests).count == 1
                }
                #expect(converged)
                for node in nodes {
                    var sum: Int64 = 0
                    for name in names { sum += try await node.total(name) }
                    #expect(sum == made)
                }
            }
        }
    }

    @Test func pullingEverythingAgainChangesNothing() async throws {
        try await withFakeUpstream { upstream in
            try await withNodes([[:], [:]], upstream: upstream) { nodes in
                let (a, b) = (nodes[0], nodes[1])
                try b.connect(to: [a])
                for name in ["fay", "gus", "hal"] { _ = try await fetch("\(a.url)/heads/\(name)") }
                #expect(try await eventually { try await b.digest() == a.digest() })
                let sequenceBefore = try await TestDatabase.scalar(
                    b.database, "SELECT last_value FROM change_seq", as: Int64.self)
                let digestBefore = try await b.digest()
                try await TestDatabase.withClient(b.database) { client in
                    _ = try await client.query("UPDATE peers SET checkpoint = '0', merged_total = 0")
                }
                // The puller runs from the start again: wait until it reached A's end once more.
                #expect(
                    try await eventually {
                        try await TestDatabase.scalar(
                            b.database, "SELECT count(*) FROM peers WHERE checkpoint <> '0' AND state = 'idle'",
                            as: Int64.self) == 1
                    })
                #expect(
                    try await TestDatabase.scalar(b.database, "SELECT last_value FROM change_seq", as: Int64.self)
                        == sequenceBefore)
                #expect(try await b.digest() == digestBefore)
                #expect(
                    try await TestDatabase.scalar(b.database, "SELECT merged_total FROM peers", as: Int64.self) == 0)
            }
        }
    }
}
