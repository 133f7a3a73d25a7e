import Foundation
import Testing

@testable import SyncProtocol

/// A deterministic player uuid for a name (32 hex digits), as the fake upstream would give.
func testUUID(_ name: String) -> String { String(HeadImage.hash(Array(name.utf8)).prefix(32)) }

@Suite struct SyncRulesTests {
    let origin = NodeIdentity.generate()
    let other = NodeIdentity.generate()
    let now: Int64 = 1_764_000_000_123_456  // 2025-11-24

    func profile(_ name: String, at micros: Int64, by node: NodeIdentity, avatar: String? = nil) -> ProfileRecord {
        ProfileRecord(
            nameKey: name, displayName: name.capitalized, uuid: testUUID(name), resolvedAtMicros: micros,
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

    @Test func malformedRecordsAreRejectedWithTheirReason() {
        let cases: [(SyncRecord, RecordVerifier.Rejection)] = [
            (origin.sign(profile("Alice", at: now, by: origin)), .malformed("name is not a lower-cased username")),
            (
                origin.sign(
                    ProfileRecord(
                        nameKey: "alice", displayName: "Bob", uuid: testUUID("a"), resolvedAtMicros: now,
                        origin: origin.nodeID, avatarSHA256: nil)), .malformed("display name does not match the name")
            ),
            (origin.sign(profile("alice", at: now, by: origin, avatar: "nothex")), .malformed("bad avatar hash")),
            (origin.sign(profile("alice", at: -5, by: origin)), .tooOld),
            (
                origin.sign(CountRecord(origin: origin.nodeID, nameKey: "a b", count: 1, lastLookupAtMicros: now)),
                .malformed("name is not a lower-cased username")
            ),
            (
                origin.sign(CountRecord(origin: origin.nodeID, nameKey: "alice", count: 0, lastLookupAtMicros: now)),
                .malformed("count must be positive")
            ),
            (
                .count(
                    CountRecord(origin: "short", nameKey: "alice", count: 1, lastLookupAtMicros: now), signature: ""),
                .malformed("origin is not a node id")
            ),
        ]
        for (record, reason) in cases {
            #expect(throws: reason) { try RecordVerifier.verify(record) }
        }
    }

    @Test func implausibleSignedRecordsAreRejected() {
        let rules = PlausibilityRules(futureTolerance: .seconds(300))
        let clock = PlausibilityRules.nowMicros()
        let minute: Int64 = 60_000_000
        let cases: [(SyncRecord, RecordVerifier.Rejection?)] = [
            (
                origin.sign(
                    CountRecord(origin: origin.nodeID, nameKey: "a", count: 1 << 62, lastLookupAtMicros: clock)),
                .countTooLarge
            ),
            (
                origin.sign(
                    CountRecord(
                        origin: origin.nodeID, nameKey: "a", count: PlausibilityRules.maximumCount,
                        lastLookupAtMicros: clock)), nil
            ),
            (origin.sign(profile("notch", at: 7_258_118_400_000_000, by: origin)), .fromTheFuture),  // 2200
            (origin.sign(profile("notch", at: clock + 4 * minute, by: origin)), nil),
            (origin.sign(profile("notch", at: clock + 6 * minute, by: origin)), .fromTheFuture),
            (
                origin.sign(
                    CountRecord(
                        origin: origin.nodeID, nameKey: "a", count: 1,
                        lastLookupAtMicros: clock + 60 * minute)), .fromTheFuture
            ),
            (origin.sign(profile("notch", at: 946_684_800_000_000, by: origin)), .tooOld),  // 2000
        ]
        for (record, expected) in cases {
            if let expected {
                #expect(throws: expected) { try RecordVerifier.verify(record, rules: rules) }
            } else {
                #expect(throws: Never.self) { try RecordVerifier.verify(record, rules: rules) }
            }
        }
    }

    @Test func nodeRecordsVerifyAndResolveByTimeThenBytes() throws {
        let record = NodeRecord(
            origin: origin.nodeID, name: "node a", url: "https://a.example", softwareVersion: "0.2.0",
            recordedAtMicros: now)
        try RecordVerifier.verify(origin.sign(record))
        #expect(
            String(decoding: CanonicalEncoding.bytes(record), as: UTF8.self)
                == "head-node-v1\n\(origin.nodeID)\nnode a\nhttps://a.example\n0.2.0\n\(now)")
        var renamed = record
        renamed.name = "node b"
        #expect(throws: RecordVerifier.Rejection.badSignature) {
            try RecordVerifier.verify(.node(renamed, signature: origin.sign(record).signature))
        }
        var bad = record
        let badName = RecordVerifier.Rejection.malformed(
            "node name must be 1–64 characters (at most 128 UTF-8 bytes) without control, bidi or zero-width characters"
        )
        // A newline, a bidi override that would show the name reversed, a zero-width space that
        // makes a look-alike, and one character of 200 KB ("a" and 100,000 combining marks).
        for name in [
            "two\nlines", "website-\u{202E}a-etisbew", "website\u{200B}-a",
            "a" + String(repeating: "\u{0301}", count: 100_000),
            "\u{FEFF}website-a", String(repeating: "é", count: 65),
        ] {
            bad.name = name
            #expect(throws: badName) { try RecordVerifier.verify(origin.sign(bad)) }
        }
        // 64 characters of two bytes each are still a name.
        bad.name = String(repeating: "é", count: 64)
        try RecordVerifier.verify(origin.sign(bad))
        #expect(NodeRecord.acceptableName("web\u{200B}site-\u{202E}a") == "website-a")
        #expect(NodeRecord.acceptableName(String(repeating: "日", count: 64)).utf8.count <= NodeRecord.maximumNameBytes)
        bad = record
        bad.url = "ftp://a"
        #expect(throws: RecordVerifier.Rejection.malformed("node url must be an http(s) URL of at most 200 bytes")) {
            try RecordVerifier.verify(origin.sign(bad))
        }
        var later = record
        later.recordedAtMicros += 1
        #expect(later.wins(over: renamed) && !renamed.wins(over: later))
        #expect(renamed.wins(over: record) != record.wins(over: renamed))
        let wire = WireRecord(origin.sign(record))
        #expect(wire.kind == "node" && wire.record == origin.sign(record))
    }

    /// A neighbour's digests answer steers the recursion only when it is well formed.
    @Test func digestAnswersAreCheckedBeforeTheyAreFollowed() {
        let good = [RangeDigest(prefix: "a1", count: 3, digest: "00000000000000ff")]
        #expect(RangePlan.isValid(good, under: "a"))
        #expect(RangePlan.isValid([], under: ""))
        let bad: [[RangeDigest]] = [
            [RangeDigest(prefix: "b1", count: 3, digest: "00000000000000ff")],  // outside the range asked
            [RangeDigest(prefix: "a12", count: 3, digest: "00000000000000ff")],  // two digits deeper
            [RangeDigest(prefix: "a1", count: 0, digest: "00000000000000ff")],
            [RangeDigest(prefix: "aZ", count: 3, digest: "00000000000000ff")],
            [RangeDigest(prefix: "a1", count: 3, digest: "ff")],
            good + good,
        ]
        for ranges in bad { #expect(!RangePlan.isValid(ranges, under: "a"), "\(ranges)") }
        #expect(Hex.isLowercase("09af") && !Hex.isLowercase("09AF"))
    }

    /// Several ranges in one request: the list asked for is checked, and so is the answer.
    @Test func batchedRangesAreCheckedOnBothSides() {
        #expect(RangePlan.prefixList("a0,b7,ff") == ["a0", "b7", "ff"])
        #expect(RangePlan.prefixList("") == [""])
        #expect(RangePlan.prefixList("a0,b7,a0") == ["a0", "b7"])  // each once
        let badLists = [
            "a0,b", "A0", "g0", "a0,", "123456789",
            (0...RangePlan.maximumPrefixesPerRequest).map { String(format: "%03x", $0) }.joined(separator: ","),
        ]
        for list in badLists { #expect(RangePlan.prefixList(list) == nil, "\(list)") }
        let answer = [
            RangeDigest(prefix: "a01", count: 3, digest: "00000000000000ff"),
            RangeDigest(prefix: "b7f", count: 1, digest: "0000000000000001"),
        ]
        #expect(RangePlan.isValid(answer, under: ["a0", "b7"]))
        #expect(!RangePlan.isValid(answer, under: ["a0"]))  // b7f is outside what was asked
        #expect(!RangePlan.isValid(answer + answer, under: ["a0", "b7"]))
        let tooMany = (0..<17).map { RangeDigest(prefix: "a0\($0)", count: 1, digest: "0000000000000001") }
        #expect(!RangePlan.isValid(tooMany, under: ["a0"]))
    }

    /// A level's differing ranges: small ones fetched, large ones split; with a neighbour that
    /// answers many ranges per request, a level whose small ranges would not fit one records
    /// answer splits down to the smaller leaf instead.
    @Test func aLevelIsPlannedWholeAndSplitFurtherWhenItsRecordsWouldNotFitOneAnswer() {
        let local = [RangeDigest(prefix: "a0", count: 20, digest: "0000000000000001")]
        let remote = [
            RangeDigest(prefix: "a1", count: 20, digest: "0000000000000001"),
            RangeDigest(prefix: "a0", count: 20, digest: "0000000000000001"),
            RangeDigest(prefix: "a2", count: 500, digest: "0000000000000002"),
        ]
        let differing = RangePlan.differing(local: local, remote: remote)
        #expect(differing.map(\.prefix) == ["a1", "a2"])
        for batched in [false, true] {
            let plan = RangePlan.plan(differing, batched: batched)
            #expect(plan.fetch.map(\.prefix) == ["a1"] && plan.split == ["a2"])
        }
        let many = (0..<200).map {
            RangeDigest(prefix: String(format: "%04x", $0), count: 15, digest: "0000000000000001")
        }
        #expect(RangePlan.plan(many, batched: false).fetch.count == 200)
        let batched = RangePlan.plan(
            many + [RangeDigest(prefix: "ffff", count: 3, digest: "0000000000000001")], batched: true)
        #expect(batched.fetch.map(\.prefix) == ["ffff"] && batched.split.count == 200)
        let deepest = RangeDigest(prefix: "01234567", count: 900, digest: "0000000000000001")
        #expect(RangePlan.plan([deepest], batched: true).fetch == [deepest])
    }

    /// Records requests group ranges within both bounds, in order, each range once.
    @Test func rangesToFetchAreGroupedWithinTheRecordsBound() {
        let ranges = (0..<300).map { RangeDigest(prefix: String(format: "%04x", $0), count: 20, digest: "") }
        let requests = RangePlan.recordsRequests(ranges, perRequest: 128)
        #expect(requests.flatMap { $0 } == ranges.map(\.prefix))
        #expect(requests.allSatisfy { $0.count <= 100 })  // 100 × 20 = maximumRecords
        #expect(requests.count == 3)
        let large = [
            RangeDigest(prefix: "00", count: 5000, digest: ""), RangeDigest(prefix: "01", count: 1, digest: ""),
        ]
        #expect(RangePlan.recordsRequests(large, perRequest: 128) == [["00"], ["01"]])
        #expect(RangePlan.recordsRequests(ranges, perRequest: 1).count == 300)
    }

    @Test func totalsSaturateInsteadOfOverflowing() {
        #expect(PlausibilityRules.total([1, 2, 3]) == 6)
        #expect(PlausibilityRules.total([1 << 62, 1 << 62]) == .max)
        #expect(PlausibilityRules.total([.max, .max, 5]) == .max)
        #expect(PlausibilityRules.total([]) == 0)
    }

    /// Two different records equal on (`resolvedAt`, origin, avatar), signed by a lying origin,
    /// mixed with honest ones: every arrival order gives the same winner, and the rule is a total
    /// order (antisymmetric, and exactly one of two different records wins).
    @Test func conflictingEqualKeyRecordsResolveTheSameWayInEveryOrder() {
        var generator = SeededGenerator(seed: 42)
        let avatar = String(repeating: "b", count: 64)
        let liars: [ProfileRecord] = ["Notch", "NOTCH", "notch", "NoTcH"].flatMap { display in
            [testUUID("x"), testUUID("y"), testUUID("z")].map { uuid in
                ProfileRecord(
                    nameKey: "notch", displayName: display, uuid: uuid, resolvedAtMicros: now, origin: origin.nodeID,
                    avatarSHA256: avatar)
            }
        }
        for a in liars {
            for b in liars where a != b {
                #expect(a.wins(over: b) != b.wins(over: a))
            }
            #expect(!a.wins(over: a))
        }
        let records = liars.map { origin.sign($0) } + [other.sign(profile("notch", at: now - 1, by: other))]
        let expected = MergeBatch(records).profiles.keys.first
        #expect(expected != nil)
        for _ in 0..<200 {
            let shuffled = records.shuffled(using: &generator)
            // One batch, and the same records arriving one at a time (the stored one is replaced
            // only by a winner, as the SQL merge does).
            #expect(MergeBatch(shuffled).profiles.keys.first == expected)
            var stored: ProfileRecord?
            for case .profile(let record, _) in shuffled where stored.map(record.wins(over:)) ?? true {
                stored = record
            }
            #expect(stored == expected)
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
}

/// A small deterministic generator (SplitMix64), so that a failing order can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
