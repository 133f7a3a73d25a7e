import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

@testable import Website

/// Live pages' events: a head page's stream gets a name's new counts when a lookup on another
/// node arrives; the federation page's stream gets each arriving record; bounded and checked.
@Suite struct LiveEventsTests {
    /// Reads an event stream until `wanted` holds for the text read so far, or 20 s pass.
    static func read(
        _ url: String, until wanted: @escaping @Sendable (String) -> Bool, after start: () async throws -> Void
    )
        async throws -> String
    {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(20))
        #expect(response.status == .ok)
        #expect(response.headers["content-type"].first?.hasPrefix("text/event-stream") == true)
        #expect(response.headers["x-accel-buffering"].first == "no")
        var text = ""
        var iterator = response.body.makeAsyncIterator()
        // The stream's opening comment: the node listens from here on.
        while !text.contains(": live"), let chunk = try await iterator.next() { text += String(buffer: chunk) }
        try await start()
        let deadline = ContinuousClock.now + .seconds(20)
        while !wanted(text), ContinuousClock.now < deadline, let chunk = try await iterator.next() {
            text += String(buffer: chunk)
        }
        return text
    }

    @Test func aHeadPageStreamGetsTheCountsOfALookupOnAnotherNode() async throws {
        try await withFakeUpstream { upstream in
            try await withNodes([fastSync, fastSync], upstream: upstream) { nodes in
                let (a, b) = (nodes[0], nodes[1])
                try b.connect(to: [a])
                let text = try await Self.read(
                    "\(b.url)/api/v1/events?name=Alice", until: { $0.contains("\"totalCount\":1") },
                    after: {
                        let status = try await fetch("\(a.url)/heads/alice").status
                        #expect(status == 200)
                    })
                #expect(text.contains("event: counts"))
                #expect(text.contains("\"totalCount\":1") && text.contains("\"localCount\":0"))
                #expect(text.contains("\"name\":\"alice\""))
            }
        }
    }

    @Test func theFederationStreamSaysWhichRecordsArrive() async throws {
        try await withFakeUpstream { upstream in
            try await withNodes([fastSync, fastSync], upstream: upstream) { nodes in
                let (a, b) = (nodes[0], nodes[1])
                try b.connect(to: [a])
                let aID = try await a.nodeID()
                let text = try await Self.read(
                    "\(b.url)/api/v1/events", until: { $0.contains("\"name\":\"bobby\"") && $0.contains("count") },
                    after: {
                        let status = try await fetch("\(a.url)/heads/Bobby").status
                        #expect(status == 200)
                    })
                #expect(text.contains("event: record"))
                #expect(text.contains("\"origin\":\"\(aID)\""))
            }
        }
    }

    @Test func streamsAreBoundedAndCheckedLikeOtherRoutes() async throws {
        try await withFakeUpstream { upstream in
            try await withNodes([["LIVE_MAX_CONNECTIONS": "1"]], upstream: upstream) { nodes in
                let a = nodes[0]
                #expect(try await fetch("\(a.url)/api/v1/events?name=no%20spaces").status == 400)
                let head = try await HTTPClient.shared.execute(
                    {
                        var request = HTTPClientRequest(url: "\(a.url)/api/v1/events"); request.method = .HEAD;
                        return request
                    }(),
                    timeout: .seconds(10))
                #expect(head.status == .ok)
                // One stream open: the second is refused with Retry-After.
                let first = try await HTTPClient.shared.execute(
                    HTTPClientRequest(url: "\(a.url)/api/v1/events"), timeout: .seconds(10))
                var iterator = first.body.makeAsyncIterator()
                _ = try await iterator.next()
                let second = try await fetch("\(a.url)/api/v1/events")
                #expect(second.status == 503)
                #expect(second.header("retry-after") != nil)
            }
        }
    }
}
