import Testing

@testable import Website

@Suite struct OriginAllowanceTests {
    @Test func theCountIsReadFirstAndAgainAfterTheRefreshInterval() {
        var allowance = OriginAllowance(maximum: 1000, refreshInterval: .seconds(10))
        let start = ContinuousClock.now
        #expect(allowance.needsCount(at: start))
        #expect(allowance.remaining == 0)
        allowance.counted(400, at: start)
        #expect(!allowance.needsCount(at: start + .seconds(9)))
        #expect(allowance.needsCount(at: start + .seconds(10)))
        #expect(allowance.remaining == 600)
        #expect(allowance.isExact)
    }

    /// Every origin merged since the count is taken as new (once however often it comes), so the
    /// figure never admits more than the database would.
    @Test func mergedOriginsLowerTheFigureUntilTheNextCount() {
        var allowance = OriginAllowance(maximum: 10)
        let now = ContinuousClock.now
        allowance.counted(7, at: now)
        allowance.merged(origins: ["o1", "o2"])
        allowance.merged(origins: ["o2"])
        #expect(allowance.remaining == 1)
        #expect(!allowance.isExact)
        allowance.merged(origins: ["o3", "o4"])
        #expect(allowance.remaining == -1)
        allowance.counted(8, at: now)
        #expect(allowance.remaining == 2)
        #expect(allowance.isExact)
        allowance.invalidate()
        #expect(allowance.needsCount(at: now))
    }
}
