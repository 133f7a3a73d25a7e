import Foundation
import Testing

@testable import Website

/// Freshness is decided in one place (``Profile/freshnessCutoff(at:maximumAge:)``): the cached-page
/// statement counts exactly the stored profiles with a head that the Swift rule calls fresh, and
/// nothing else.
@Suite struct FreshnessRuleTests {
    @Test func theCachedPageStatementCountsWhatTheSwiftRuleCallsFresh() async throws {
        try await TestDatabase.withMigrated { _, database in
            let profiles = ProfileRepository(database: database)
            let counts = LookupCountRepository(database: database)
            let cacheTime = Duration.seconds(3600)
            let head = String(repeating: "a", count: 64)
            // Half a minute either side of the cutoff (room for a slow machine between the two clocks).
            let stored = [
                ("fresh", 3570.0, head), ("stale", 3630.0, head), ("headless", 60.0, nil as String?),
            ]
            let now = Date()
            for (name, age, avatar) in stored {
                try await profiles.save(
                    Profile(
                        nameKey: name, displayName: name, uuid: String(repeating: "1", count: 32),
                        resolvedAt: now.addingTimeInterval(-age), origin: "own", avatarSHA256: avatar))
            }
            let answered = try await counts.recordLookupsIfFresh(
                origin: "own", nameKeys: stored.map(\.0), maximumAge: cacheTime)
            var swiftFresh: Set<String> = []
            for (name, _, avatar) in stored {
                let profile = try #require(try await profiles.profile(nameKey: name))
                if avatar != nil && profile.isFresh(at: now, maximumAge: cacheTime) { swiftFresh.insert(name) }
            }
            #expect(Set(answered.keys) == ["fresh"])
            #expect(Set(answered.keys) == swiftFresh)
            #expect(try await counts.counts(nameKey: "stale").isEmpty)
        }
    }
}
