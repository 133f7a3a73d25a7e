import FakeUpstream
import Foundation
import SyncProtocol
import Testing

@testable import Website

/// The head pages against the fake upstream and a real PostgreSQL.
@Suite struct LookupPageTests {
    @Test func historicURLShowsTheHeadAndCounts() async throws {
        let url = try await TestDatabase.createMigrated()
        try await withFakeUpstream { upstream in
            try await withRoutedNode(database: url, upstream: upstream) { node in
                #expect(try await node.fetch("/").text.contains("No lookups yet"))
                let first = try await node.fetch("/display_skin?username=alice")
                #expect(first.status == 200)
                #expect(first.header("content-type")?.hasPrefix("text/html") == true)
                #expect(first.text.contains("<h1>Alice</h1>"))
                #expect(first.text.contains("/avatars/\(FakePlayers.uuid(for: "alice")).png"))
                #expect(first.text.contains("<dd id=\"local-count\">1</dd>"))
                #expect(!first.text.contains("class=\"notice\""))
                let second = try await node.fetch("/heads/ALICE")
                #expect(second.text.contains("<dd id=\"total-count\">2</dd>"))
                let index = try await node.fetch("/")
                #expect(index.status == 200)
                #expect(index.text.contains("href=\"/heads/Alice\""))
                #expect(!index.text.contains("No lookups yet"))
            }
        }
    }

    @Test func upstreamIsAskedOnceForProfileAndHead() async throws {
        let url = try await TestDatabase.createMigrated()
        let state = FakeUpstreamState()
        try await withFakeUpstream(state) { upstream in
            // A request timed out on a busy machine would be asked again (seen once with the
            // suite's 4 s while an image was compiled beside it): a deadline that never passes here.
            try await withRoutedNode(database: url, upstream: upstream, ["UPSTREAM_TIMEOUT_SECONDS": "30"]) { node in
                // A burst of concurrent first lookups, then sequential ones and head requests.
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<8 { group.addTask { try await node.fetch("/heads/bob").status } }
                    for try await status in group { #expect(status == 200) }
                }
                for _ in 0..<12 {
                    #expect(try await node.fetch("/display_skin?username=Bob").status == 200)
                    #expect(try await node.fetch("/avatars/\(FakePlayers.uuid(for: "bob")).png").status == 200)
                }
            }
        }
        #expect(state.profileRequests == 1)
        #expect(state.avatarRequests == 1)
        let count = try await TestDatabase.scalar(url, "SELECT sum(count)::bigint FROM lookup_counts", as: Int64.self)
        #expect(count == 20)
    }

    /// The lookup path's database round trips, counted by the node's own pool (no background
    /// service runs beside a routed node): a new name takes at most 4 (the batch statement, the
    /// profile read, the save that also counts and reads the UUID's head, the head's store), a
    /// cached page 1 and a head image 1.
    @Test func aNewNameTakesAtMostFourRoundTripsACachedPageAndAHeadImageOne() async throws {
        let url = try await TestDatabase.createMigrated()
        try await withFakeUpstream { upstream in
            // A deadline that never passes here: a timed-out head would leave the page uncached.
            try await withRoutedNode(database: url, upstream: upstream, ["UPSTREAM_TIMEOUT_SECONDS": "30"]) { node in
                func trips(_ path: String) async throws -> Int {
                    let before = node.parts.database.usage.leases
                    #expect(try await node.fetch(path).status == 200, "\(path)")
                    return node.parts.database.usage.leases - before
                }
                let newName = try await trips("/heads/erin")
                #expect(newName <= 4)
                #expect(try await trips("/heads/erin") == 1)
                #expect(try await trips("/avatars/\(FakePlayers.uuid(for: "erin")).png") == 1)
            }
        }
        let count = try await TestDatabase.scalar(url, "SELECT sum(count)::bigint FROM lookup_counts", as: Int64.self)
        #expect(count == 2)
    }

    /// A new name of a UUID whose head the node holds (a renamed player) shows that head without
    /// asking the avatar service: the save reads it.
    @Test func aNewNameOfAKnownUUIDShowsItsStoredHeadWithoutAskingForIt() async throws {
        let url = try await TestDatabase.createMigrated()
        let state = FakeUpstreamState()
        let uuid = FakePlayers.uuid(for: "frank")
        try await TestDatabase.withClient(url) { client in
            let database = Database(client: client, timeout: .seconds(10), logger: TestDatabase.logger)
            try await HeadImageRepository(database: database).store(
                try HeadImage(validating: FakePlayers.headPNG(uuid: uuid)), uuid: uuid)
        }
        try await withFakeUpstream(state) { upstream in
            try await withRoutedNode(database: url, upstream: upstream) { node in
                let page = try await node.fetch("/heads/frank")
                #expect(page.status == 200)
                let head = try await node.fetch("/avatars/\(uuid).png")
                #expect(head.status == 200)
            }
        }
        #expect(state.profileRequests == 1)
        #expect(state.avatarRequests == 0)
    }

    @Test func unknownPlayerIsA404Page() async throws {
        let url = try await TestDatabase.createMigrated()
        try await withFakeUpstream { upstream in
            try await withRoutedNode(database: url, upstream: upstream) { node in
                let response = try await node.fetch("/heads/UnknownSteve")
                #expect(response.status == 404)
                #expect(response.text.contains("No such player"))
            }
        }
        #expect(try await TestDatabase.scalar(url, "SELECT count(*) FROM lookup_counts", as: Int64.self) == 0)
    }

    @Test(arguments: [FakeUpstreamState.Mode.down, .garbage])
    func brokenUpstreamIsA502PageWithoutAStoredProfile(_ mode: FakeUpstreamState.Mode) async throws {
        let url = try await TestDatabase.createMigrated()
        try await withFakeUpstream(FakeUpstreamState(mode: mode)) { upstream in
            try await withRoutedNode(database: url, upstream: upstream) { node in
                let response = try await node.fetch("/heads/carol")
                #expect(response.status == 502)
                #expect(response.text.contains("The profile service is unavailable"))
            }
        }
    }

    /// The upstream answers (200) after 8 s; the node's deadline is 4 s: only the node's own
    /// timeout can make this a 502, whatever the machine's speed.
    @Test func slowUpstreamTimesOutToA502Page() async throws {
        let url = try await TestDatabase.createMigrated()
        try await withFakeUpstream(FakeUpstreamState(latency: .seconds(8))) { upstream in
            try await withRoutedNode(database: url, upstream: upstream) { node in
                let response = try await node.fetch("/heads/dave")
                #expect(response.status == 502)
                #expect(response.text.contains("The profile service is unavailable"))
            }
        }
    }

    @Test func rateLimitedUpstreamIsA503Page() async throws {
        let url = try await TestDatabase.createMigrated()
        let state = FakeUpstreamState(mode: .ratelimit)
        try await withFakeUpstream(state) { upstream in
            try await withRoutedNode(database: url, upstream: upstream) { node in
                let response = try await node.fetch("/heads/erin")
                #expect(response.status == 503)
                #expect(response.header("retry-after") != nil)
                // Backing off: the next lookup does not ask the upstream again.
                #expect(try await node.fetch("/heads/frank").status == 503)
            }
        }
        #expect(state.profileRequests == 1)
    }

    @Test(arguments: [FakeUpstreamState.Mode.down, .ratelimit])
    func storedProfileIsUsedWhenTheUpstreamFails(_ mode: FakeUpstreamState.Mode) async throws {
        let url = try await TestDatabase.createMigrated()
        let state = FakeUpstreamState()
        try await withFakeUpstream(state) { upstream in
            // A zero-length cache would be refused, so a tiny one makes every stored profile stale.
            try await withRoutedNode(database: url, upstream: upstream, ["PROFILE_CACHE_SECONDS": "0.001"]) { node in
                #expect(try await node.fetch("/heads/gina").status == 200)
                state.mode = mode
                try await Task.sleep(for: .milliseconds(5))
                let response = try await node.fetch("/heads/gina")
                #expect(response.status == 200)
                #expect(response.text.contains("<h1>Gina</h1>"))
                #expect(response.text.contains("class=\"notice\""))
                #expect(response.text.contains("<dd id=\"local-count\">2</dd>"))
            }
        }
        #expect(state.profileRequests == 2)
    }
}
