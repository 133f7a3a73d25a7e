import SyncProtocol
import Testing

@testable import Website

/// The puller's screen of a batch, without a neighbour or a database.
@Suite struct BatchScreenTests {
    let honest = NodeIdentity.generate()
    let blocked = NodeIdentity.generate()
    let now = PlausibilityRules.nowMicros()

    func count(_ by: NodeIdentity, _ name: String, _ count: Int64 = 1) -> SyncRecord {
        by.sign(CountRecord(origin: by.nodeID, nameKey: name, count: count, lastLookupAtMicros: now))
    }

    func profile(_ by: NodeIdentity, _ name: String) -> SyncRecord {
        by.sign(
            ProfileRecord(
                nameKey: name, displayName: name, uuid: String(repeating: "1", count: 32), resolvedAtMicros: now,
                origin: by.nodeID, avatarSHA256: nil))
    }

    @Test func eachRecordIsAcceptedOrCountedUnderOneReason() async {
        var forged = WireRecord(count(honest, "forged"))
        forged.signature = WireRecord(count(honest, "other")).signature
        var unreadable = WireRecord(count(honest, "broken"))
        unreadable.count = nil
        let wire = [
            WireRecord(count(honest, "ann")), WireRecord(profile(honest, "ann")), WireRecord(count(blocked, "bob")),
            WireRecord(profile(blocked, "bob")), forged, unreadable,
            WireRecord(count(honest, "huge", 1 << 62)),
        ]
        let screen = BatchScreen(blocked: [blocked.nodeID], refusesProfiles: false)
        let (outcome, refusals) = await screen.check(wire, unreadable: 2, nowMicros: now)
        #expect(outcome.accepted == [count(honest, "ann"), profile(honest, "ann")])
        #expect(
            outcome.rejected == ["blocked_origin": 2, "bad_signature": 1, "malformed": 3, "count_too_large": 1])
        #expect(refusals.count == 2)

        // Profiles of a neighbour of another profile service are refused; its counts are not.
        let otherRealm = BatchScreen(blocked: [], refusesProfiles: true)
        let (realm, _) = await otherRealm.check([WireRecord(count(honest, "ann")), WireRecord(profile(honest, "ann"))])
        #expect(realm.accepted == [count(honest, "ann")])
        #expect(realm.rejected == [BatchScreen.realmReason: 1])
    }

    /// A batch checked ahead is screened again with the rules as they are now.
    @Test func screeningAgainAppliesABlockMadeMeanwhile() {
        let checked = BatchScreen.Screened(
            accepted: [count(honest, "ann"), count(blocked, "bob")], rejected: ["malformed": 1])
        let now = BatchScreen(blocked: [blocked.nodeID]).screen(checked)
        #expect(now.accepted == [count(honest, "ann")])
        #expect(now.rejected == ["malformed": 1, "blocked_origin": 1])
    }

    @Test func profilesAreRefusedOnlyFromAnotherProfileService() {
        let mojang = AppConfiguration.realmOfNeighboursNamingNone
        #expect(BatchScreen.realmRefusal(named: mojang, ours: mojang) == nil)
        // A node before 0.2.0 names none: taken as a default-configured node.
        #expect(BatchScreen.realmRefusal(named: nil, ours: mojang) == nil)
        let classroom = "http://fake-upstream:8090"
        #expect(BatchScreen.realmRefusal(named: classroom, ours: classroom) == nil)
        #expect(BatchScreen.realmRefusal(named: nil, ours: classroom)?.contains("names no profile service") == true)
        #expect(BatchScreen.realmRefusal(named: mojang, ours: classroom)?.contains("uses \(mojang)") == true)
    }
}
