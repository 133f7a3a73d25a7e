import FakeUpstream
import Foundation
import SyncProtocol
import Testing

@testable import Website

/// Every node named everywhere (signed node records travel with the feed), and the federation drawn.
@Suite struct FederationViewTests {
    static func perNodeNames(_ node: TestNode, _ name: String) async throws -> [String: String] {
        let document = try JSONSerialization.jsonObject(
            with: Data(try await fetch("\(node.url)/api/v1/heads/\(name)").body))
        let perNode = (document as? [String: Any])?["perNode"] as? [[String: Any]] ?? []
        return Dictionary(
            uniqueKeysWithValues: perNode.compactMap { entry in
                (entry["nodeId"] as? String).map { ($0, entry["name"] as? String ?? "") }
            })
    }

    /// A–B–C in a line: C names A (which it never met) on its head page and in the API, draws A
    /// behind B on its federation page, and learns A's new name after A is renamed.
    @Test func aLineNamesAndDrawsTheFarNode() async throws {
        try await withFakeUpstream { upstream in
            let aDatabase = try await TestDatabase.create()
            try await withNodes([["NODE_NAME": "middle-b"], ["NODE_NAME": "far-c"]], upstream: upstream) { nodes in
                let (b, c) = (nodes[0], nodes[1])
                try c.connect(to: [b])
                let bID = try await b.nodeID()
                var aID = ""
                try await withNodes([["DATABASE_URL": aDatabase, "NODE_NAME": "origin-a"]], upstream: upstream) { a in
                    aID = try await a[0].nodeID()
                    try b.connect(to: [a[0]])
                    #expect(try await fetch("\(a[0].url)/heads/Notch").status == 200)
                    #expect(try await eventually { try await c.total("notch") == 1 })
                    #expect(try await eventually { try await Self.perNodeNames(c, "notch")[aID] == "origin-a" })
                    #expect(try await fetch("\(c.url)/heads/Notch").text.contains("origin-a"))
                    let page = try await fetch("\(c.url)/federation").text
                    #expect(page.contains("<svg class=\"federation-map\""))
                    #expect(page.contains("data-behind=\"\(bID)\" data-node-id=\"\(aID)\""))
                    #expect(
                        page.contains(
                            "far-c pulls from 1 neighbour: middle-b (idle, lag 0), through which it knows origin-a"))
                }
                // A restarts under a new name on the same database: the new record reaches C through B.
                try await withNodes([["DATABASE_URL": aDatabase, "NODE_NAME": "renamed-a"]], upstream: upstream) { a in
                    #expect(try await a[0].nodeID() == aID)
                    try b.connect(to: [a[0]])
                    #expect(try await eventually { try await Self.perNodeNames(c, "notch")[aID] == "renamed-a" })
                }
            }
        }
    }

    @Test func theDrawingEscapesNamesAndDescribesItself() {
        let drawing = FederationDrawing(
            selfName: "<me>",
            neighbours: [
                .init(id: "b\"id", name: "b & co", state: .limited, lag: 3, behind: [(id: "x", name: "far <x>")])
            ])
        let svg = drawing.svg
        #expect(svg.contains("&lt;me&gt;") && !svg.contains("<me>"))
        #expect(svg.contains("b &amp; co") && svg.contains("data-node-id=\"b&quot;id\""))
        #expect(svg.contains("class=\"map-link state-limited\""))
        #expect(
            drawing.description
                == "<me> pulls from 1 neighbour: b & co (limited, lag 3), through which it knows far <x>.")
        #expect(FederationDrawing(selfName: "n", neighbours: []).svg.contains("No neighbours yet"))
    }
}
