import FakeUpstream
import Foundation
import Hummingbird
import PostgresNIO
import Synchronization
import Testing

@testable import Website

/// What an anonymous visitor can send a public node, each probe as it was measured against 0.4.0
/// (issue 32): every one must cost a bounded amount, leave the profile service alone, and send
/// the node nowhere nobody configured.
@Suite struct HostileVisitorTests {
    @Test func anUnknownNameAskedFiftyTimesAsksTheProfileServiceOnce() async throws {
        let url = try await TestDatabase.createMigrated()
        let state = FakeUpstreamState()
        try await withFakeUpstream(state) { upstream in
            try await withNode(database: url, upstream: upstream, ["UPSTREAM_TIMEOUT_SECONDS": "30"]) { node in
                for _ in 0..<50 {
                    let status = try await fetch("\(node)/heads/UnknownSteve").status
                    #expect(status == 404)
                }
            }
        }
        #expect(state.profileRequests == 1)
    }

    /// One client asking many new names gets its allowance, then 429 with `Retry-After`; another
    /// client (told apart through a trusted proxy's X-Forwarded-For) still gets its new name, and
    /// names already stored are never limited.
    @Test func oneClientCannotUseUpTheProfileServiceForEveryone() async throws {
        let url = try await TestDatabase.createMigrated()
        let state = FakeUpstreamState()
        try await withFakeUpstream(state) { upstream in
            try await withNode(
                database: url, upstream: upstream,
                [
                    "UPSTREAM_TIMEOUT_SECONDS": "30", "UPSTREAM_LOOKUPS_PER_CLIENT_PER_MINUTE": "5",
                    "TRUSTED_PROXIES": "127.0.0.1",
                ]
            ) { node in
                let flooder = [("X-Forwarded-For", "198.51.100.7")]
                var statuses: [Int] = []
                let started = ContinuousClock.now
                for index in 0..<15 {
                    let response = try await fetch("\(node)/heads/flood\(index)", headers: flooder)
                    statuses.append(response.status)
                    if response.status == 429 {
                        #expect(Int(response.header("retry-after") ?? "") ?? 0 >= 1)
                        #expect(response.text.contains("You have looked up many new names"))
                    }
                }
                // Five at once, then one every 12 s (however slow this machine is).
                let allowed = 5 + Int((ContinuousClock.now - started) / .seconds(12))
                let answered = statuses.filter { $0 == 200 }.count
                #expect(answered >= 5 && answered <= allowed)
                #expect(statuses.filter { $0 == 429 }.count == 15 - answered)
                // Each refusal was held a second: the loop ran at the node's pace.
                #expect(ContinuousClock.now - started >= .seconds(15 - answered))
                #expect(state.profileRequests == answered)
                // A name the node has stored is shown to the flooder too.
                #expect(try await fetch("\(node)/heads/flood0", headers: flooder).status == 200)
                // Another client's new name is answered.
                let other = try await fetch("\(node)/heads/bystander", headers: [("X-Forwarded-For", "203.0.113.9")])
                #expect(other.status == 200)
                #expect(state.profileRequests == answered + 1)
            }
        }
    }

    /// X-Forwarded-For from an address that is not a trusted proxy is the visitor's own word.
    @Test func forwardedForFromAnUntrustedAddressIsIgnored() async throws {
        let url = try await TestDatabase.createMigrated()
        try await withFakeUpstream { upstream in
            try await withNode(
                database: url, upstream: upstream,
                ["UPSTREAM_TIMEOUT_SECONDS": "30", "UPSTREAM_LOOKUPS_PER_CLIENT_PER_MINUTE": "2"]
            ) { node in
                for index in 0..<2 {
                    let forged = [("X-Forwarded-For", "192.0.2.\(index)")]
                    let status = try await fetch("\(node)/heads/forged\(index)", headers: forged).status
                    #expect(status == 200)
                }
                let forged = [("X-Forwarded-For", "192.0.2.99")]
                #expect(try await fetch("\(node)/heads/forged99", headers: forged).status == 429)
            }
        }
    }

    /// A failing profile service is not asked on every lookup: after a 5xx it is paused, and
    /// lookups meanwhile answer 503 with `Retry-After` without asking it.
    @Test func aFailingProfileServiceIsBackedOff() async throws {
        let url = try await TestDatabase.createMigrated()
        let state = FakeUpstreamState(mode: .down)
        try await withFakeUpstream(state) { upstream in
            try await withNode(database: url, upstream: upstream, ["UPSTREAM_TIMEOUT_SECONDS": "30"]) { node in
                var statuses: [Int] = []
                for index in 0..<20 { statuses.append(try await fetch("\(node)/heads/down\(index)").status) }
                #expect(statuses.first == 502)
                #expect(statuses.allSatisfy { $0 == 502 || $0 == 503 })
                // Twenty lookups within the first pause (at least half a second) and its probe.
                #expect(state.profileRequests < 20)
            }
        }
    }

    /// A head whose fetch failed is not asked for again on every view of its page.
    @Test func aFailedHeadIsNotFetchedOnEveryView() async throws {
        let url = try await TestDatabase.createMigrated()
        try await withFakeUpstream { upstream in
            // The avatar service answers 500 to everything.
            try await withCountingServer(redirectTo: nil, status: .internalServerError) { avatars, asked in
                try await withNode(
                    database: url, upstream: upstream, ["UPSTREAM_TIMEOUT_SECONDS": "30", "AVATAR_URL": avatars]
                ) { node in
                    for _ in 0..<10 {
                        let page = try await fetch("\(node)/heads/headless").status
                        let head = try await fetch("\(node)/avatars/\(FakePlayers.uuid(for: "headless")).png").status
                        #expect(page == 200 && head != 200)
                    }
                }
                #expect(asked() == 1)
            }
        }
    }

    /// Neighbours, the profile service and the avatar service that redirect are not followed:
    /// the address they name gets no request, and the federation page names the redirect.
    @Test func redirectsAreNotFollowed() async throws {
        let url = try await TestDatabase.createMigrated()
        try await withCountingServer(redirectTo: nil) { target, targetCount in
            try await withCountingServer(redirectTo: target) { redirector, redirectorCount in
                try await withNode(
                    database: url, upstream: redirector,
                    ["PEERS": redirector, "DISCOVERY_INTERVAL_SECONDS": "0.2", "UPSTREAM_TIMEOUT_SECONDS": "30"]
                ) { node in
                    let page = try await fetch("\(node)/heads/redirected")
                    #expect(page.status == 502)
                    #expect(page.text.contains("redirect"))
                    #expect(try await eventually { redirectorCount() >= 5 })
                }
                #expect(targetCount() == 0)
            }
        }
    }

    /// A request for every record of a large table is refused from the digest buckets' counts,
    /// without reading a row: with the counters' table locked, the answer is still the refusal
    /// (400), where reading a row would have waited for the lock until the deadline (503).
    @Test func wholeRangeRecordRequestsAreRefusedFromTheBuckets() async throws {
        let url = try await TestDatabase.createMigrated()
        try await TestDatabase.withClient(url) { client in
            _ = try await client.query(
                """
                INSERT INTO lookup_counts (origin, name_key, count, last_lookup_at)
                SELECT 'origin-x', 'name' || i, 1, now() FROM generate_series(1, 3000) AS i
                """)
        }
        try await withFakeUpstream { upstream in
            try await withNode(database: url, upstream: upstream, ["DATABASE_TIMEOUT_SECONDS": "10"]) { node in
                try await withLockedTable(url, "lookup_counts") {
                    let whole = try await fetch("\(node)/api/v1/records?prefix=")
                    #expect(whole.status == 400)
                    let many = try await fetch("\(node)/api/v1/records?prefixes=0,1,2,3,4,5,6,7,8,9,a,b,c,d,e,f")
                    #expect(many.status == 400)
                }
            }
        }
    }

    /// A query whose request gave up is cancelled by PostgreSQL itself (the sessions'
    /// statement_timeout), so its connection is free again; and one slow query does not open the
    /// breaker: the node stays ready.
    @Test func aQueryPastItsDeadlineIsCancelledOnTheServer() async throws {
        let url = try await TestDatabase.createMigrated()
        try await withFakeUpstream { upstream in
            try await withNode(
                // 3 s: long enough for the node's own start-up queries on a machine running the
                // whole suite (1 s failed there once), short against the wait below.
                database: url, upstream: upstream, ["DATABASE_TIMEOUT_SECONDS": "3", "DATABASE_WATCH_SECONDS": "3"]
            ) { node in
                try await withLockedTable(url, "lookup_counts") {
                    // A narrow range is read from its rows: it waits for the lock.
                    let slow = try await fetch("\(node)/api/v1/records?prefix=abcde")
                    #expect(slow.status == 503)
                    // Nothing of the node's waits on the lock any more.
                    #expect(
                        try await eventually(timeout: .seconds(10)) {
                            try await TestDatabase.scalar(
                                url,
                                """
                                SELECT count(*) FROM pg_stat_activity
                                WHERE datname = current_database() AND wait_event_type = 'Lock'
                                  AND query LIKE '%asked%'
                                """, as: Int64.self) == 0
                        })
                    #expect(try await fetch("\(node)/readyz").status == 200)
                }
            }
        }
    }

    /// A client asking for sync data faster than its rate is slowed down: past its burst, a
    /// request waits for room instead of being answered at the client's own pace. Three at once
    /// at one a second (a burst of two): the third waits its turn, however fast the machine is.
    @Test func aTightLoopOfSyncRequestsRunsAtTheNodesPace() async throws {
        let url = try await TestDatabase.createMigrated()
        try await withFakeUpstream { upstream in
            try await withNode(database: url, upstream: upstream, ["SYNC_REQUESTS_PER_CLIENT_PER_SECOND": "1"]) {
                node in
                let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<3 { group.addTask { try await fetch("\(node)/api/v1/digests?prefix=").status } }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                // Slowed, not refused.
                #expect(statuses == [200, 200, 200])
                let slowed = try await Self.slowedRequests(node)
                #expect(slowed >= 1)
                // Pages are not sync requests: never slowed (the count of slowed requests stays).
                for _ in 0..<10 { #expect(try await fetch("\(node)/healthz").status == 200) }
                #expect(try await Self.slowedRequests(node) == slowed)
            }
        }
    }

    /// How many sync requests the node slowed down, from `/metrics`.
    static func slowedRequests(_ node: String) async throws -> Int {
        let line = try await fetch("\(node)/metrics").text.split(separator: "\n").first {
            $0.hasPrefix("heads_limit_hits_total") && $0.contains("limit=\"sync_rate_delayed\"")
        }
        return line.flatMap { Double($0.split(separator: " ").last ?? "") }.map { Int($0) } ?? 0
    }

    /// A client holding as many long-polls as one may is refused another at once (503 with
    /// `Retry-After`); the ones it holds are answered as usual.
    @Test func longPollsAreCappedPerClient() async throws {
        let url = try await TestDatabase.createMigrated()
        try await withFakeUpstream { upstream in
            try await withNode(database: url, upstream: upstream, ["SYNC_MAX_LONG_POLLS_PER_CLIENT": "2"]) { node in
                let feedEnd = try await fetch("\(node)/api/v1/changes?since=0&limit=1000")
                let next = try #require(
                    (try JSONSerialization.jsonObject(with: Data(feedEnd.body)) as? [String: Any])?["next"] as? String)
                let stop = ManagedFlag()
                try await withThrowingTaskGroup(of: Void.self) { group in
                    // Two long-polls held open (asked again while the probes below are in the way).
                    for _ in 0..<2 {
                        group.addTask {
                            while !stop.value {
                                _ = try await fetch("\(node)/api/v1/changes?since=\(next)&wait=2")
                            }
                        }
                    }
                    var refused: FetchedResponse?
                    #expect(
                        try await eventually {
                            let third = try await fetch("\(node)/api/v1/changes?since=\(next)&wait=0.2")
                            if third.status == 503 { refused = third }
                            return third.status == 503
                        })
                    #expect(refused?.header("retry-after") != nil)
                    #expect(refused?.text.contains("open sync waits") == true)
                    // Asking without waiting is not a long-poll: answered.
                    #expect(try await fetch("\(node)/api/v1/changes?since=\(next)").status == 200)
                    stop.set()
                    try await group.waitForAll()
                }
            }
        }
    }
}

/// Runs a server that counts the requests it gets and answers each with `302 Location:
/// TARGET/…` (or `status` without a target), for `body`, which gets its URL and the count.
func withCountingServer<T: Sendable>(
    redirectTo target: String?, status: HTTPResponse.Status = .ok,
    _ body: (String, @escaping @Sendable () -> Int) async throws -> T
) async throws -> T {
    let count = Mutex(0)
    let router = Router()
    let handler: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
        count.withLock { $0 += 1 }
        guard let target else { return Response(status: status) }
        return Response(status: .found, headers: [.location: target + request.uri.path])
    }
    router.get("/**", use: handler)
    return try await withRunningApp(
        { onRunning in
            Application(
                router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                onServerRunning: { await onRunning($0.localAddress!.port!) })
        }, { port in try await body("http://127.0.0.1:\(port)", { count.withLock { $0 } }) })
}

/// Runs `body` while another session holds `table` in ACCESS EXCLUSIVE mode (every read of it waits).
func withLockedTable<T: Sendable>(_ url: String, _ table: String, _ body: () async throws -> T) async throws -> T {
    let (locked, lockedNow) = AsyncStream<Void>.makeStream()
    let (release, releaseNow) = AsyncStream<Void>.makeStream()
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
            try await TestDatabase.withClient(url) { client in
                try await client.withTransaction(logger: TestDatabase.logger) { connection in
                    _ = try await connection.query(
                        PostgresQuery(unsafeSQL: "LOCK TABLE \(table) IN ACCESS EXCLUSIVE MODE"),
                        logger: TestDatabase.logger)
                    lockedNow.yield()
                    for await _ in release { break }
                }
            }
        }
        for await _ in locked { break }
        do {
            let result = try await body()
            releaseNow.yield()
            try await group.waitForAll()
            return result
        } catch {
            releaseNow.yield()
            try? await group.waitForAll()
            throw error
        }
    }
}
