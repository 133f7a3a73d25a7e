import AsyncHTTPClient
import FakeUpstream
import Foundation
import NIOCore
import SyncProtocol
import Testing

@testable import Website

/// Malformed names are rejected before any I/O, and user input is escaped on every page.
@Suite struct BadInputTests {
    static let badNames = [
        "", "ABCDEFGHIJKLMNOPQ", "two%20words", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%C3%9Cn%C3%AFc%C3%B6d%C3%A9",
        "x%27%3B%20DROP%20TABLE%20profiles%3B--", "a%22b",
    ]

    @Test func malformedNamesGet400AndNothingIsStored() async throws {
        let url = try await TestDatabase.createMigrated()
        let state = FakeUpstreamState()
        try await withFakeUpstream(state) { upstream in
            try await withRoutedNode(database: url, upstream: upstream) { node in
                for name in Self.badNames {
                    let page = try await node.fetch("/display_skin?username=\(name)")
                    #expect(page.status == 400, "display_skin \(name)")
                    #expect(page.text.contains("That is not a Minecraft username"))
                    if !name.isEmpty {
                        #expect(try await node.fetch("/heads/\(name)").status == 400, "heads \(name)")
                        let api = try await node.fetch("/api/v1/heads/\(name)")
                        #expect(api.status == 400)
                        #expect(api.header("content-type") == "application/json")
                    }
                }
                #expect(try await node.fetch("/display_skin").status == 400)
            }
        }
        #expect(state.profileRequests == 0)
        #expect(try await TestDatabase.scalar(url, "SELECT count(*) FROM lookup_counts", as: Int64.self) == 0)
        #expect(try await TestDatabase.scalar(url, "SELECT count(*) FROM profiles", as: Int64.self) == 0)
    }

    @Test func oversizedRequestsAndOtherMethodsAreRefused() async throws {
        let url = try await TestDatabase.createMigrated()
        try await withFakeUpstream { upstream in
            try await withRoutedNode(database: url, upstream: upstream) { node in
                let long = try await node.fetch("/display_skin?username=\(String(repeating: "a", count: 9000))")
                #expect(long.status == 414)
                let large = try await node.fetch(
                    "/", method: .post, headers: [("content-length", "100000")],
                    body: ByteBuffer(repeating: 0x41, count: 100_000))
                #expect(large.status == 413)
                let refused = try await node.fetch("/api/v1/changes", method: .post)
                #expect(refused.status == 405)
                #expect(refused.header("allow") == "GET, HEAD")
            }
        }
    }

    /// Range lists on the anti-entropy endpoints: malformed ones (and a malformed `prefix` beside
    /// a good list) are refused, a range named twice counts once.
    @Test func malformedRangeListsGet400() async throws {
        let url = try await TestDatabase.createMigrated()
        try await withFakeUpstream { upstream in
            try await withRoutedNode(database: url, upstream: upstream) { node in
                let tooMany = (0...RangePlan.maximumPrefixesPerRequest).map { String(format: "%03x", $0) }
                for query in [
                    "prefixes=a,bb", "prefixes=A0", "prefixes=a0,", "prefixes=\(tooMany.joined(separator: ","))",
                    "prefixes=a0&prefix=zz", "prefixes=a0&prefix=012345678",
                ] {
                    for path in ["digests", "records"] {
                        let answer = try await node.fetch("/api/v1/\(path)?\(query)")
                        #expect(answer.status == 400, "\(path)?\(query)")
                    }
                }
                #expect(try await node.fetch("/api/v1/digests?prefixes=a0&prefix=0123456").status == 200)
                #expect(try await node.fetch("/api/v1/digests?prefixes=0123456").status == 200)
                #expect(try await node.fetch("/api/v1/digests?prefixes=01234567").status == 400)
                let twice = try await node.fetch("/api/v1/records?prefixes=a0,b1,a0")
                #expect(twice.status == 200 && twice.text.contains("\"prefixes\":[\"a0\",\"b1\"]"))
            }
        }
    }

    @Test func userInputIsEscaped() async throws {
        let url = try await TestDatabase.createMigrated()
        try await withFakeUpstream { upstream in
            try await withRoutedNode(database: url, upstream: upstream) { node in
                let page = try await node.fetch("/display_skin?username=%22%3E%3Cscript%3Ealert(1)%3C/script%3E")
                #expect(page.status == 400)
                #expect(!page.text.contains("<script>alert(1)"))
                #expect(page.text.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
                let missing = try await node.fetch("/no/%3Cb%3Ehere%3C/b%3E")
                #expect(missing.status == 404)
                #expect(!missing.text.contains("<b>here"))
            }
        }
    }
}
