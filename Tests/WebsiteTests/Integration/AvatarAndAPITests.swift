import FakeUpstream
import Foundation
import SyncProtocol
import Testing

@testable import Website

@Suite struct AvatarAndAPITests {
    @Test func headsAreServedFromTheNodeWithCacheHeaders() async throws {
        let url = try await TestDatabase.create()
        try await withFakeUpstream { upstream in
            try await withNode(database: url, upstream: upstream) { node in
                #expect(try await fetch("\(node)/heads/hank").status == 200)
                let uuid = FakePlayers.uuid(for: "hank")
                let head = try await fetch("\(node)/avatars/\(PlayerUUID.dashed(uuid)).png")
                #expect(head.status == 200)
                #expect(head.header("content-type") == "image/png")
                #expect(head.header("cache-control")?.contains("max-age") == true)
                #expect(head.body == FakePlayers.headPNG(uuid: uuid))
                let etag = try #require(head.header("etag"))
                #expect(
                    try await fetch("\(node)/avatars/\(uuid).png", headers: [("If-None-Match", etag)]).status == 304)
                #expect(try await fetch("\(node)/avatars/\(String(repeating: "0", count: 32)).png").status == 404)
                #expect(try await fetch("\(node)/avatars/not-a-uuid.png").status == 404)
            }
        }
        let stored = try await TestDatabase.scalar(url, "SELECT count(*) FROM avatars", as: Int64.self)
        #expect(stored == 1)
    }

    @Test func headAPIReportsCountsWithoutCounting() async throws {
        let url = try await TestDatabase.create()
        try await withFakeUpstream { upstream in
            try await withNode(database: url, upstream: upstream) { node in
                #expect(try await fetch("\(node)/api/v1/heads/ivy").status == 404)
                for _ in 0..<3 { _ = try await fetch("\(node)/heads/ivy") }
                for _ in 0..<2 {
                    let response = try await fetch("\(node)/api/v1/heads/IVY")
                    #expect(response.status == 200)
                    let json = try #require(
                        try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
                    #expect(json["name"] as? String == "Ivy")
                    #expect(json["uuid"] as? String == FakePlayers.uuid(for: "ivy"))
                    #expect(json["localCount"] as? Int == 3)
                    #expect(json["totalCount"] as? Int == 3)
                    #expect((json["perNode"] as? [[String: Any]])?.count == 1)
                }
            }
        }
    }

    @Test func healthAndReadiness() async throws {
        let url = try await TestDatabase.create()
        try await withFakeUpstream { upstream in
            try await withNode(database: url, upstream: upstream) { node in
                #expect(try await fetch("\(node)/healthz").status == 200)
                #expect(try await fetch("\(node)/readyz").status == 200)
                let info = try await fetch("\(node)/api/v1/node")
                #expect(info.text.contains("\"name\":\"test-node\""))
                #expect(try await fetch("\(node)/heads/kim").status == 200)
                let metrics = try await fetch("\(node)/metrics").text
                #expect(metrics.contains("heads_lookups_total 1"))
                #expect(metrics.contains("heads_upstream_requests_total{service=\"profile\",outcome=\"found\"} 1"))
                #expect(metrics.contains("heads_http_requests_total{method=\"GET\",status=\"200\"}"))
            }
        }
    }
}
