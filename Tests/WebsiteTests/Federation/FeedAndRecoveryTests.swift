import Foundation
import PostgresNIO
import SyncProtocol
import Synchronization
import Testing

@testable import Website

@Suite struct FeedAndRecoveryTests {
    /// 8 writers commit out of sequence order (each transaction takes its sequence values, then
    /// sleeps a random while before committing) while another node pulls with long-polls.
    @Test func noGapsUnderConcurrentWriters() async throws {
        try await withFakeUpstream { upstream in
            try await withNodes([[:], ["SYNC_BATCH_SIZE": "7"]], upstream: upstream) { nodes in
                let (a, b) = (nodes[0], nodes[1])
                let origin = try await a.nodeID()
                try b.connect(to: [a])
                // B is long-polling A before the writers start.
                #expect(
                    try await eventually {
                        try await TestDatabase.scalar(
                            b.database, "SELECT count(*) FROM peers WHERE state = 'idle'", as: Int64.self) == 1
                    })
                let writers = 8
                let perWriter = 50
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for writer in 0..<writers {
                        group.addTask {
                            try await TestDatabase.withClient(a.database) { client in
                                for i in 0..<perWriter {
                                    try await client.withTransaction(logger: TestDatabase.logger) { connection in
                                        let name = "w\(writer)_\(i)"
                                        try await connection.query(
                                            """
                                            INSERT INTO lookup_counts (origin, name_key, count, last_lookup_at)
                                            VALUES (\(origin), \(name), 1, now())
                                            """, logger: TestDatabase.logger)
                                        try await connection.query(
                                            "SELECT pg_sleep(\(Double.random(in: 0...0.03)))",
                                            logger: TestDatabase.logger)
                                    }
                                }
                            }
                        }
                    }
                    try await group.waitForAll()
                }
                let expected = Int64(writers * perWriter)
                let complete = try await eventually {
                    try await TestDatabase.scalar(b.database, "SELECT count(*) FROM lookup_counts", as: Int64.self)
                        == expected
                }
                #expect(complete)
                #expect(try await b.digest() == a.digest())
            }
        }
    }

    /// The feed itself, read by a client racing the writers: every change is seen exactly once,
    /// none skipped, and the positions handed out only grow.
    @Test func feedReaderRacingWritersSeesEveryChange() async throws {
        try await withFakeUpstream { upstream in
            try await withNodes([[:]], upstream: upstream) { nodes in
                let a = nodes[0]
                let origin = try await a.nodeID()
                let total = 6 * 30
                let writersDone = ManagedFlag()
                async let reader: [String] = {
                    var seen: [String] = []
                    var since = "0"
                    // An empty answer once the writers are done is not yet the end: a transaction of
                    // another test's database that ended while the feed read its horizon holds it
                    // back for that read (the feed errs towards holding back). The reader goes on
                    // until it has every change, or a minute has passed.
                    let deadline = ContinuousClock.now + .seconds(60)
                    while true {
                        let finished = writersDone.value
                        let response = try await fetch("\(a.url)/api/v1/changes?since=\(since)&limit=5&wait=0.2")
                        let document = try JSONDecoder().decode(ChangesDocument.self, from: Data(response.body))
                        // The node's own node record is in the feed too; count the lookups.
                        for record in document.records where record.kind == "count" { seen.append(record.name) }
                        let (from, next) = (FeedPosition(since), FeedPosition(document.next))
                        if let from, let next, document.records.isEmpty ? next < from : next <= from {
                            throw TestFailure("the feed moved back or stood still: \(since) -> \(document.next)")
                        }
                        since = document.next
                        if finished, document.records.isEmpty, seen.count >= total || ContinuousClock.now > deadline {
                            return seen
                        }
                    }
                }()
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for writer in 0..<6 {
                        group.addTask {
                            try await TestDatabase.withClient(a.database) { client in
                                for i in 0..<30 {
                                    try await client.withTransaction(logger: TestDatabase.logger) { connection in
                                        try await connection.query(
                                            """
                                            INSERT INTO lookup_counts (origin, name_key, count, last_lookup_at)
                                            VALUES (\(origin), \("r\(writer)_\(i)"), 1, now())
                                            """, logger: TestDatabase.logger)
                                        try await connection.query(
                                            "SELECT pg_sleep(\(Double.random(in: 0...0.01)))",
                                            logger: TestDatabase.logger)
                                    }
                                }
                            }
                        }
                    }
                    try await group.waitForAll()
                }
                writersDone.set()
                let seen = try await reader
                #expect(seen.count == total, "every change")
                #expect(Set(seen).count == seen.count, "each once")
            }
        }
    }

    /// A neighbour whose feed the test controls: the first half of a backlog, then a restart of
    /// the puller, then the second half. The second run asks from the stored checkpoint (not from
    /// the beginning) and ends with everything; no timing decides the outcome.
    @Test func restartInTheMiddleOfABacklogResumesFromTheCheckpoint() async throws {
        try await withFakeUpstream { upstream in
            let neighbour = HostileNeighbour(name: "backlog", upstreamRealm: AppConfiguration.realm(of: upstream))
            let now = HostileNeighbour.now
            let records = (1...4000).map { index in
                neighbour.identity.sign(
                    CountRecord(
                        origin: neighbour.nodeID, nameKey: "n\(index)", count: Int64(index), lastLookupAtMicros: now))
            }
            neighbour.append(Array(records[..<2000]))
            let bDatabase = try await TestDatabase.create()
            try await neighbour.run { url in
                try await withNodes([["DATABASE_URL": bDatabase, "SYNC_BATCH_SIZE": "250"]], upstream: upstream) { b in
                    try "\(url)\n".write(toFile: b[0].peersFile, atomically: true, encoding: .utf8)
                    #expect(
                        try await eventually {
                            try await TestDatabase.scalar(bDatabase, "SELECT checkpoint FROM peers", as: String.self)
                                == "1.2000"
                        })
                }
                #expect(
                    try await TestDatabase.scalar(bDatabase, "SELECT count(*) FROM lookup_counts", as: Int64.self)
                        == 2000)
                neighbour.append(Array(records[2000...]))
                let askedBefore = neighbour.requestedPositions.count
                try await withNodes([["DATABASE_URL": bDatabase, "SYNC_BATCH_SIZE": "250"]], upstream: upstream) { b in
                    try "\(url)\n".write(toFile: b[0].peersFile, atomically: true, encoding: .utf8)
                    #expect(
                        try await eventually(timeout: .seconds(60)) {
                            try await TestDatabase.scalar(bDatabase, "SELECT checkpoint FROM peers", as: String.self)
                                == "1.4000"
                        })
                }
                #expect(neighbour.requestedPositions.dropFirst(askedBefore).first == "1.2000")
                #expect(!neighbour.requestedPositions.dropFirst(askedBefore).contains("0"))
            }
            let sum = try await TestDatabase.scalar(
                bDatabase, "SELECT sum(count)::bigint FROM lookup_counts", as: Int64.self)
            #expect(sum == Int64(4000 * 4001 / 2))
        }
    }

    /// Own records are signed once: serving them stores the signature, and a second anonymous
    /// read of the whole feed returns the same signatures without signing anything again.
    @Test func ownRecordsAreSignedOnceAndTheSignatureStored() async throws {
        try await withFakeUpstream { upstream in
            try await withNodes([[:]], upstream: upstream) { nodes in
                let a = nodes[0]
                for name in ["sig1", "sig2", "sig3"] {
                    #expect(try await fetch("\(a.url)/heads/\(name)").status == 200)
                }
                let unsigned: PostgresQuery = "SELECT count(*) FROM lookup_counts WHERE signature IS NULL"
                #expect(try await TestDatabase.scalar(a.database, unsigned, as: Int64.self) == 3)
                // All seven: 3 counts, 3 profiles, the node record.
                let first = try await Self.feedSignatures(of: a.url, atLeast: 7)
                // Stored in the background, after the answer.
                #expect(
                    try await eventually {
                        let counts = try await TestDatabase.scalar(a.database, unsigned, as: Int64.self)
                        let profiles = try await TestDatabase.scalar(
                            a.database, "SELECT count(*) FROM profiles WHERE signature IS NULL", as: Int64.self)
                        return counts == 0 && profiles == 0
                    })
                #expect(try await Self.feedSignatures(of: a.url, atLeast: 7) == first)
            }
        }
    }

    /// The signatures of the whole feed, read until it serves at least `count` records: on a
    /// shared cluster other transactions may hold the feed's horizon back for a moment.
    static func feedSignatures(of url: String, atLeast count: Int) async throws -> [String] {
        var signatures: [String] = []
        #expect(
            try await eventually {
                let body = try await fetch("\(url)/api/v1/changes?since=0&limit=5000").body
                signatures = try JSONDecoder().decode(ChangesDocument.self, from: Data(body)).records.map(\.signature)
                return signatures.count >= count
            })
        return signatures
    }

    /// The feed's position after the node's own record. That record is written at start-up and
    /// may pass the feed's horizon at any moment (the cluster is shared), so a long-poll that
    /// must see nothing else starts after it, not at 0.
    static func positionAfterOwnRecord(of url: String) async throws -> String {
        var end = "0"
        #expect(
            try await eventually {
                let body = try await fetch("\(url)/api/v1/changes?since=0&limit=5000").body
                let document = try JSONDecoder().decode(ChangesDocument.self, from: Data(body))
                end = document.next
                return !document.records.isEmpty
            })
        return end
    }

    /// A change held back by an older transaction that ends without notifying anything is
    /// served once that transaction ends, not at the next change or at the end of the wait.
    @Test func aLongPollServesAChangeOnceTheTransactionHoldingItBackEnds() async throws {
        try await withFakeUpstream { upstream in
            try await withNodes([[:]], upstream: upstream) { nodes in
                let a = nodes[0]
                let since = try await Self.positionAfterOwnRecord(of: a.url)
                try await TestDatabase.withClient(a.database) { client in
                    try await client.withConnection { blocker in
                        // An open transaction with an id, older than the lookup's: it holds the horizon.
                        try await blocker.query("BEGIN", logger: TestDatabase.logger)
                        try await blocker.query("SELECT pg_current_xact_id()", logger: TestDatabase.logger)
                        #expect(try await fetch("\(a.url)/heads/heldback").status == 200)
                        // The lookup was committed and notified before the long-poll starts.
                        let poll = Task {
                            let body = try await fetch("\(a.url)/api/v1/changes?since=\(since)&limit=5000&wait=20").body
                            return (
                                try JSONDecoder().decode(ChangesDocument.self, from: Data(body)), ContinuousClock.now
                            )
                        }
                        // Longer than the short looks after a notification used to last (1.3 s).
                        try await Task.sleep(for: .seconds(2))
                        try await blocker.query("COMMIT", logger: TestDatabase.logger)
                        let committed = ContinuousClock.now
                        let (document, answered) = try await poll.value
                        #expect(document.records.contains { $0.kind == "profile" && $0.name == "heldback" })
                        #expect(answered - committed < .seconds(5))
                    }
                }
            }
        }
    }

    /// Transactions of other databases of the same cluster (other nodes, other applications,
    /// other tests) cannot write this node's tables, so they do not hold its feed back.
    @Test func aTransactionInAnotherDatabaseDoesNotHoldTheFeedBack() async throws {
        try await withFakeUpstream { upstream in
            try await withNodes([[:]], upstream: upstream) { nodes in
                let a = nodes[0]
                let since = try await Self.positionAfterOwnRecord(of: a.url)
                let elsewhere = try await TestDatabase.create()
                try await TestDatabase.withClient(elsewhere) { client in
                    try await client.withConnection { blocker in
                        // Older than the lookup's transaction, and open until the feed has answered.
                        try await blocker.query("BEGIN", logger: TestDatabase.logger)
                        try await blocker.query("SELECT pg_current_xact_id()", logger: TestDatabase.logger)
                        #expect(try await fetch("\(a.url)/heads/elsewhere").status == 200)
                        let body = try await fetch("\(a.url)/api/v1/changes?since=\(since)&limit=5000&wait=5").body
                        let document = try JSONDecoder().decode(ChangesDocument.self, from: Data(body))
                        #expect(document.records.contains { $0.kind == "profile" && $0.name == "elsewhere" })
                        try await blocker.query("COMMIT", logger: TestDatabase.logger)
                    }
                }
            }
        }
    }

    /// A request from a position of another epoch (the node's database was restored) is answered
    /// at once with the feed's epoch; one of the feed's own epoch long-polls as before.
    @Test func aPositionOfAnotherEpochIsAnsweredAtOnce() async throws {
        try await withFakeUpstream { upstream in
            try await withNodes([[:]], upstream: upstream) { nodes in
                let end = try await Self.positionAfterOwnRecord(of: nodes[0].url)
                let own = try JSONDecoder().decode(
                    ChangesDocument.self, from: Data(try await fetch("\(nodes[0].url)/api/v1/changes?since=0").body))
                let epoch = try #require(own.epoch)
                let started = ContinuousClock.now
                let other = try await fetch("\(nodes[0].url)/api/v1/changes?since=\(end)&wait=30&epoch=an-older-one")
                #expect(ContinuousClock.now - started < .seconds(10))
                let document = try JSONDecoder().decode(ChangesDocument.self, from: Data(other.body))
                #expect(document.epoch == epoch)
                #expect(document.records.isEmpty)
                let waited = ContinuousClock.now
                let same = try await fetch("\(nodes[0].url)/api/v1/changes?since=\(end)&wait=0.5&epoch=\(epoch)")
                #expect(same.status == 200)
                #expect(ContinuousClock.now - waited >= .milliseconds(450))
            }
        }
    }

    @Test func changesAPIRejectsBadParameters() async throws {
        try await withFakeUpstream { upstream in
            try await withNodes([[:]], upstream: upstream) { nodes in
                for query in [
                    "since=abc", "since=1.2.3", "limit=0", "limit=999999", "wait=-1", "wait=3600", "limit=x",
                    "epoch=\(String(repeating: "0", count: 201))",
                ] {
                    let response = try await fetch("\(nodes[0].url)/api/v1/changes?\(query)")
                    #expect(response.status == 400, "\(query)")
                    #expect(response.header("content-type") == "application/json")
                }
                #expect(try await fetch("\(nodes[0].url)/api/v1/avatars/zz").status == 400)
                #expect(
                    try await fetch("\(nodes[0].url)/api/v1/avatars/\(String(repeating: "a", count: 64))").status == 404
                )
                // A long-poll on a feed with nothing new waits its whole `wait`.
                let end = try await Self.positionAfterOwnRecord(of: nodes[0].url)
                let started = ContinuousClock.now
                let empty = try await fetch("\(nodes[0].url)/api/v1/changes?since=\(end)&wait=0.5")
                #expect(empty.status == 200)
                #expect(try JSONDecoder().decode(ChangesDocument.self, from: Data(empty.body)).records.isEmpty)
                #expect(ContinuousClock.now - started >= .milliseconds(450))
            }
        }
    }
}
