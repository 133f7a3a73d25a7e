import Foundation
import Testing

@testable import Website

@Suite struct SyncRulesTests {
    let origin = NodeIdentity.generate()
    let other = NodeIdentity.generate()
    let now: Int64 = 1_764_000_000_123_456

    func profile(_ name: String, at micros: Int64, by node: NodeIdentity, avatar: String? = nil) -> ProfileRecord {
        ProfileRecord(
            nameKey: name, displayName: name.capitalized, uuid: FakePlayers.uuid(for: name), resolvedAtMicros: micros,
            origin: node.nodeID, avatarSHA256: avatar)
    }

    @Test func signedRecordsVerify() throws {
        try RecordVerifier.verify(origin.sign(profile("alice", at: now, by: origin)))
        try RecordVerifier.verify(
            origin.sign(CountRecord(origin: origin.nodeID, nameKey: "alice", count: 3, lastLookupAtMicros: now)))
    }

    @Test func tamperedOrReSignedRecordsAreRejected() {
        var count = CountRecord(origin: origin.nodeID, nameKey: "alice", count: 3, lastLookupAtMicros: now)
        let signature = origin.sign(count).signature
        count.count = 300
        #expect(throws: RecordVerifier.Rejection.badSignature) {
            try RecordVerifier.verify(.count(count, signature: signature))
        }
        // Another origin's record signed by a neighbour's own key.
        let claimed = CountRecord(origin: origin.nodeID, nameKey: "bob", count: 1, lastLookupAtMicros: now)
        let byOther = other.sign(CountRecord(origin: other.nodeID, nameKey: "bob", count: 1, lastLookupAtMicros: now))
        #expect(throws: RecordVerifier.Rejection.badSignature) {
            try RecordVerifier.verify(.count(claimed, signature: byOther.signature))
        }
        #expect(throws: RecordVerifier.Rejection.badSignature) {
            try RecordVerifier.verify(.count(claimed, signature: "not-base64-!"))
        }
    }

    @Test func malformedRecordsAreRejectedBeforeTheSignature() {
        let cases: [SyncRecord] = [
            origin.sign(profile("Alice", at: now, by: origin)),  // name not lower-cased
            origin.sign(
                ProfileRecord(
                    nameKey: "alice", displayName: "Bob", uuid: FakePlayers.uuid(for: "a"), resolvedAtMicros: now,
                    origin: origin.nodeID, avatarSHA256: nil)),
            origin.sign(profile("alice", at: now, by: origin, avatar: "nothex")),
            origin.sign(profile("alice", at: -5, by: origin)),
            origin.sign(CountRecord(origin: origin.nodeID, nameKey: "a b", count: 1, lastLookupAtMicros: now)),
            origin.sign(CountRecord(origin: origin.nodeID, nameKey: "alice", count: 0, lastLookupAtMicros: now)),
            .count(CountRecord(origin: "short", nameKey: "alice", count: 1, lastLookupAtMicros: now), signature: ""),
        ]
        for record in cases {
            #expect(throws: RecordVerifier.Rejection.self) { try RecordVerifier.verify(record) }
            #expect((try? RecordVerifier.verify(record)) == nil)
        }
    }

    @Test func canonicalEncodingIsStable() {
        let record = CountRecord(origin: "o", nameKey: "alice", count: 3, lastLookupAtMicros: 42)
        #expect(String(decoding: CanonicalEncoding.bytes(record), as: UTF8.self) == "head-count-v1\no\nalice\n3\n42")
        let profile = ProfileRecord(
            nameKey: "a", displayName: "A", uuid: "u", resolvedAtMicros: 7, origin: "o", avatarSHA256: nil)
        #expect(String(decoding: CanonicalEncoding.bytes(profile), as: UTF8.self) == "head-profile-v1\na\nA\nu\n7\no\n")
    }

    @Test func mergeIsOrderIndependentAndIdempotent() {
        let records: [SyncRecord] = [
            origin.sign(profile("alice", at: now, by: origin)),
            other.sign(profile("alice", at: now + 1, by: other)),
            origin.sign(profile("alice", at: now + 1, by: origin, avatar: String(repeating: "a", count: 64))),
            origin.sign(CountRecord(origin: origin.nodeID, nameKey: "alice", count: 3, lastLookupAtMicros: now)),
            origin.sign(CountRecord(origin: origin.nodeID, nameKey: "alice", count: 5, lastLookupAtMicros: now + 9)),
            other.sign(CountRecord(origin: other.nodeID, nameKey: "alice", count: 1, lastLookupAtMicros: now)),
        ]
        let merged = MergeBatch(records)
        for _ in 0..<20 {
            let shuffled = records.shuffled()
            #expect(MergeBatch(shuffled) == merged)
            #expect(MergeBatch(shuffled + shuffled) == merged)
        }
        #expect(merged.counts.keys.map(\.count).sorted() == [1, 5])
        let winner = merged.profiles.keys.first { $0.nameKey == "alice" }
        let expected = [origin.nodeID, other.nodeID].max()!
        #expect(winner?.origin == expected)
    }

    @Test func feedPositions() {
        #expect(FeedPosition("0") == .beginning)
        #expect(FeedPosition("12.7") == FeedPosition(transaction: 12, sequence: 7))
        #expect(FeedPosition("12.7")!.description == "12.7")
        #expect(FeedPosition("12.7")! < FeedPosition("13.1")!)
        #expect(FeedPosition("12.7")! < FeedPosition("12.8")!)
        for bad in ["", "1", "1.", ".1", "a.b", "1.2.3", "-1.2", "1.-2"] { #expect(FeedPosition(bad) == nil, "\(bad)") }
    }

    @Test func peerEntries() {
        #expect(PeerAddress(parsing: "website-b") == PeerAddress(host: "website-b", port: 8080))
        #expect(PeerAddress(parsing: "website-b:9000") == PeerAddress(host: "website-b", port: 9000))
        #expect(PeerAddress(parsing: "http://10.0.0.5:8081/") == PeerAddress(host: "10.0.0.5", port: 8081))
        #expect(PeerAddress(parsing: "[::1]:8081") == PeerAddress(host: "::1", port: 8081))
        for bad in ["", "https://x", "a b", "x:0", "x:70000", "x:y", "http://x/path", "user@x"] {
            #expect(PeerAddress(parsing: bad) == nil, "\(bad)")
        }
        let (peers, invalid) = PeerAddress.parseList(
            "# federation\nwebsite-a\nwebsite-b:8080  # same as below\nwebsite-b\n\nbad entry\n,website-c:9000")
        #expect(peers.map(\.description) == ["website-a:8080", "website-b:8080", "website-c:9000"])
        #expect(invalid == ["bad entry"])
    }

    @Test func backoffGrowsWithJitterAndResets() {
        var backoff = Backoff(base: .milliseconds(100), cap: .seconds(5))
        #expect(backoff.failed(random: 1) == .milliseconds(100))
        #expect(backoff.failed(random: 1) == .milliseconds(200))
        #expect(backoff.failed(random: 0.5) == .milliseconds(200))
        for _ in 0..<30 { _ = backoff.failed(random: 1) }
        #expect(backoff.failed(random: 1) == .seconds(5))
        #expect(backoff.failed(random: 0) == .zero)
        backoff.succeeded()
        #expect(backoff.failed(random: 1) == .milliseconds(100))
    }
}
