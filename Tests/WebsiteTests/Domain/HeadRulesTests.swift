import Foundation
import Testing

@testable import Website

@Suite struct HeadRulesTests {
    @Test func headCountsSumOriginsAndPickTheLocalOne() {
        let counts = HeadCounts(
            perNode: [.init(origin: "b", count: 3), .init(origin: "a", count: 5), .init(origin: "c", count: 3)],
            localNode: "b")
        #expect(counts.total == 11)
        #expect(counts.local == 3)
        #expect(counts.perNode.map(\.origin) == ["a", "b", "c"])
        #expect(HeadCounts(perNode: [], localNode: "a").local == 0)
    }

    @Test func profileFreshness() {
        let resolved = Date(timeIntervalSince1970: 1_000_000)
        let profile = Profile(
            nameKey: "a", displayName: "A", uuid: String(repeating: "0", count: 32), resolvedAt: resolved, origin: "n",
            avatarSHA256: nil)
        #expect(profile.isFresh(at: resolved.addingTimeInterval(59), maximumAge: .seconds(60)))
        #expect(!profile.isFresh(at: resolved.addingTimeInterval(60), maximumAge: .seconds(60)))
    }
}
