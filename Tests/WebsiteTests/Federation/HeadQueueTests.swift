import Testing

@testable import Website

/// Which heads a fetcher asks a neighbour for, and when it asks again.
@Suite struct HeadQueueTests {
    static let pauses: [Duration] = [.milliseconds(250), .seconds(1), .seconds(4)]

    @Test func aRoundTakesEverythingAskedForOnceAndLeavesNothing() throws {
        var queue = HeadQueue(pendingLimit: 10, retryPauses: Self.pauses)
        #expect(queue.takeRound() == nil)
        queue.ask(for: ["a", "b", "a"], sweep: false)
        queue.ask(for: ["b", "c"], sweep: false)
        let taken = queue.takeRound()
        let round = try #require(taken)
        #expect(round.hashes.sorted() == ["a", "b", "c"])
        #expect(!round.sweep)
        #expect(queue.takeRound() == nil)
    }

    @Test func aSweepAloneIsARoundAndIsTakenOnce() throws {
        var queue = HeadQueue(pendingLimit: 10, retryPauses: Self.pauses)
        queue.ask(for: [], sweep: true)
        queue.ask(for: ["a"], sweep: false)
        let taken = queue.takeRound()
        let round = try #require(taken)
        #expect(round.sweep && round.hashes == ["a"])
        #expect(queue.takeRound() == nil)
    }

    @Test func noMoreThanThePendingLimitWait() throws {
        var queue = HeadQueue(pendingLimit: 3, retryPauses: Self.pauses)
        queue.ask(for: (1...10).map { "h\($0)" }, sweep: false)
        let taken = queue.takeRound()
        let round = try #require(taken)
        #expect(round.hashes.count == 3)
    }

    @Test func aFailedHeadIsAskedForAgainAfterEachPauseThenLeftToASweep() {
        var queue = HeadQueue(pendingLimit: 10, retryPauses: Self.pauses)
        var pausesSeen: [Duration] = []
        for _ in 0..<Self.pauses.count {
            let retries = queue.roundEnded(failed: ["a"], done: [])
            #expect(retries.map(\.hashes) == [["a"]])
            pausesSeen += retries.map(\.pause)
        }
        #expect(pausesSeen == Self.pauses)
        #expect(queue.roundEnded(failed: ["a"], done: []).isEmpty)
        // Left behind, its count starts again if it is named once more.
        #expect(queue.roundEnded(failed: ["a"], done: []).map(\.pause) == [Self.pauses[0]])
    }

    @Test func aHeadFetchedInTheEndStartsItsPausesAgain() {
        var queue = HeadQueue(pendingLimit: 10, retryPauses: Self.pauses)
        _ = queue.roundEnded(failed: ["a", "b"], done: [])
        let second = queue.roundEnded(failed: ["b"], done: ["a"])
        #expect(second.map(\.pause) == [Self.pauses[1]])
        #expect(queue.roundEnded(failed: ["a"], done: []).map(\.pause) == [Self.pauses[0]])
    }

    @Test func failuresOfDifferentAttemptsAreGroupedByTheirPause() {
        var queue = HeadQueue(pendingLimit: 10, retryPauses: Self.pauses)
        _ = queue.roundEnded(failed: ["a"], done: [])
        let retries = queue.roundEnded(failed: ["a", "b"], done: [])
        #expect(retries.map(\.pause) == [Self.pauses[0], Self.pauses[1]])
        #expect(retries.map(\.hashes) == [["b"], ["a"]])
    }

    @Test func clearingForgetsWhatWasAskedAndTheFailures() {
        var queue = HeadQueue(pendingLimit: 10, retryPauses: Self.pauses)
        queue.ask(for: ["a"], sweep: true)
        _ = queue.roundEnded(failed: ["b"], done: [])
        queue.clear()
        #expect(queue.takeRound() == nil)
        #expect(queue.roundEnded(failed: ["b"], done: []).map(\.pause) == [Self.pauses[0]])
    }

    @Test func aHeadBeyondTheLimitForgetsItsFailures() {
        var queue = HeadQueue(pendingLimit: 1, retryPauses: Self.pauses)
        _ = queue.roundEnded(failed: ["b"], done: [])
        queue.ask(for: ["a", "b"], sweep: false)
        #expect(queue.roundEnded(failed: ["b"], done: []).map(\.pause) == [Self.pauses[0]])
    }
}
