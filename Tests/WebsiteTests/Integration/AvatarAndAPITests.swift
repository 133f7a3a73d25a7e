import AsyncHTTPClient
import FakeUpstream
import Foundation
import SyncProtocol
import Testing

@testable import Website

@Suite struct AvatarAndAPITests {
    @Test func headsAreServedFromTheNodeWithCacheHeaders() async throws {
        let url = try await TestDatabase.createMigrated()
        try await withFakeUpstream { upstream in
            try await withRoutedNode(database: url, upstream: upstream) { node in
                #expect(try await node.fetch("/heads/hank").status == 200)
                let uuid = FakePlayers.uuid(for: "hank")
                let head = try await node.fetch("/avatars/\(PlayerUUID.dashed(uuid)).png")
                #expect(head.status == 200)
                #expect(head.header("content-type") == "image/png")
                #expect(head.header("cache-control")?.contains("max-age") == true)
                #expect(head.body == FakePlayers.headPNG(uuid: uuid))
                let etag = try #require(head.header("etag"))
                #expect(
                    try await node.fetch("/avatars/\(uuid).png", headers: [("If-None-Match", etag)]).status == 304)
                #expect(try await node.fetch("/avatars/\(String(repeating: "0", count: 32)).png").status == 404)
                #expect(try await node.fetch("/avatars/not-a-uuid.png").status == 404)
            }
        }
        let stored = try await TestDatabase.scalar(url, "SELECT count(*) FROM avatars", as: Int64.self)
        #expect(stored == 1)
    }

    @Test func headAPIReportsCountsWithoutCounting() async throws {
        let url = try await TestDatabase.createMigrated()
        try await withFakeUpstream { upstream in
            try await withRoutedNode(database: url, upstream: upstream) { node in
                #expect(try await node.fetch("/api/v1/heads/ivy").status == 404)
                for _ in 0..<3 { _ = try await node.fetch("/heads/ivy") }
                for _ in 0..<2 {
                    let response = try await node.fetch("/api/v1/heads/IVY")
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
        let url = try await TestDatabase.createMigrated()
        try await withFakeUpstream { upstream in
            try await withRoutedNode(database: url, upstream: upstream) { node in
                #expect(try await node.fetch("/healthz").status == 200)
                #expect(try await node.fetch("/readyz").status == 200)
                let info = try await node.fetch("/api/v1/node")
                #expect(info.text.contains("\"name\":\"test-node\""))
                #expect(try await node.fetch("/heads/kim").status == 200)
                let metrics = try await node.fetch("/metrics").text
                #expect(metrics.contains("heads_lookups_total 1"))
                #expect(metrics.contains("heads_upstream_requests_total{service=\"profile\",outcome=\"found\"} 1"))
                // Hummingbird's metrics middleware: requests and latency histograms by route.
                #expect(
                    metrics.contains(
                        "hb_requests_total{http_route=\"/heads/{name}\",http_request_method=\"GET\",http_response_status_code=\"200\"}"
                    ))
                #expect(metrics.contains("http_server_request_duration_bucket{http_route=\"/heads/{name}\""))
                // The process and the pool.
                for name in [
                    "process_cpu_seconds_total ", "process_resident_memory_bytes ", "process_open_fds ",
                    "process_start_time_seconds ", "heads_database_pool_size 16", "heads_database_pool_in_use ",
                ] {
                    #expect(metrics.contains("\n\(name)"), "\(name)")
                }
            }
        }
    }

    @Test func headRequestsSecurityHeadersAndSiteFiles() async throws {
        let url = try await TestDatabase.createMigrated()
        try await withFakeUpstream { upstream in
            try await withRoutedNode(database: url, upstream: upstream) { node in
                for path in ["/", "/heads/kim", "/federation", "/api/v1/node", "/heads/not%20a%20name"] {
                    let page = try await node.fetch(path)
                    #expect(page.header("x-content-type-options") == "nosniff", "\(path)")
                    #expect(page.header("content-security-policy")?.contains("frame-ancestors 'none'") == true)
                    #expect(page.header("content-security-policy")?.contains("default-src 'none'") == true)
                    #expect(page.header("referrer-policy") == "no-referrer")
                }
                // HEAD answers every GET route with its headers and no body, and never counts a lookup.
                for path in ["/", "/heads/kim", "/display_skin?username=kim", "/api/v1/heads/kim", "/robots.txt"] {
                    let response = try await node.fetch(path, method: .head)
                    #expect(response.status == 200, "\(path)")
                    #expect(response.body.isEmpty)
                }
                let stored = try await TestDatabase.scalar(
                    url, "SELECT coalesce(sum(count), 0)::bigint FROM lookup_counts WHERE name_key = 'kim'",
                    as: Int64.self)
                #expect(stored == 1)
                let robots = try await node.fetch("/robots.txt")
                #expect(robots.text.contains("Disallow: /heads/") && robots.text.contains("Disallow: /display_skin"))
                let icon = try await node.fetch("/favicon.svg")
                #expect(icon.status == 200 && icon.header("content-type") == "image/svg+xml")
                #expect(try await node.fetch("/").text.contains("rel=\"icon\""))
            }
        }
    }
}
