import SyncProtocol
import Testing

@testable import Website

/// The pull loop's decisions, step by step, without a neighbour or a database.
@Suite struct PullPlanTests {
    static let checkpoint = NeighbourRepository.Checkpoint(
        position: FeedPosition(transaction: 900, sequence: 4), epoch: "epoch-1", stored: "900.4")

    static func plan(maximumOrigins: Int = 10, batchSize: Int = 500) -> PullPlan {
        PullPlan(checkpoint, batchSize: batchSize, allowance: OriginAllowance(maximum: maximumOrigins))
    }

    static func answer(
        from node: String = "node-b", next: String = "950.9", more: Bool = false, epoch: String? = "epoch-1"
    ) -> ChangesDocument {
        ChangesDocument(
            nodeId: node, since: "900.4", next: next, more: more, latestSequence: 9, records: [], epoch: epoch)
    }

    @Test func theOriginsAreCountedBeforeTheFirstRequestWhichDoesNotLongPoll() {
        var plan = Self.plan()
        let now = ContinuousClock.now
        #expect(plan.next(at: now) == .countOrigins)
        plan.counted(origins: 3, at: now)
        #expect(plan.next(at: now) == .request(limit: 500, longPoll: false))
        #expect(plan.next(at: now + .seconds(10)) == .countOrigins)
    }

    @Test func aNeighbourAtTheLimitIsPausedAndCountedAgainAfterThePause() {
        var plan = Self.plan(maximumOrigins: 10)
        let now = ContinuousClock.now
        plan.counted(origins: 10, at: now)
        #expect(plan.next(at: now) == .pauseForLimit)
        plan.originsMayHaveChanged()
        #expect(plan.next(at: now) == .countOrigins)
    }

    @Test func answersAreJudgedBeforeAnythingIsMerged() {
        let plan = Self.plan()
        #expect(plan.verdict(on: Self.answer(from: "node-x"), from: "node-b") == .wrongNode("node-x"))
        #expect(plan.verdict(on: Self.answer(epoch: "epoch-2"), from: "node-b") == .restart(epoch: "epoch-2"))
        #expect(plan.verdict(on: Self.answer(next: "800.1"), from: "node-b") == .badPosition)
        #expect(plan.verdict(on: Self.answer(next: "not a position"), from: "node-b") == .badPosition)
        let next = FeedPosition(transaction: 950, sequence: 9)
        #expect(plan.verdict(on: Self.answer(), from: "node-b") == .merge(next: next, prefetchFrom: nil))
        // More is waiting: the next batch is asked for while this one is merged, unless the
        // answer did not move (asking again from the same place would only repeat it).
        #expect(plan.verdict(on: Self.answer(more: true), from: "node-b") == .merge(next: next, prefetchFrom: next))
        #expect(
            plan.verdict(on: Self.answer(next: "900.4", more: true), from: "node-b")
                == .merge(next: Self.checkpoint.position, prefetchFrom: nil))
    }

    @Test func aBatchWithTooManyNewOriginsIsAskedForAgainSmallerThenThePullPauses() {
        var plan = Self.plan(maximumOrigins: 10)
        let now = ContinuousClock.now
        plan.counted(origins: 7, at: now)
        #expect(plan.admit(unknownOrigins: 3) == .merge)
        // Exact allowance of 3: ask again for at most 3 records.
        #expect(plan.admit(unknownOrigins: 5) == .askAgain)
        #expect(plan.next(at: now) == .request(limit: 3, longPoll: false))
        // Once origins were merged the allowance is only a bound: count again before refusing.
        _ = plan.merged(
            to: FeedPosition(transaction: 950, sequence: 9), epoch: nil, more: true, origins: ["o1", "o2", "o3"],
            namesHeads: false)
        #expect(plan.next(at: now) == .countOrigins)
        plan.counted(origins: 10, at: now)
        #expect(plan.admit(unknownOrigins: 1) == .askAgain)
        #expect(plan.next(at: now) == .pauseForLimit)
    }

    @Test func aMergeResetsTheLimitAdvancesAndSweepsHeadsOnTheFirstOfEveryTwentyBatches() {
        var plan = Self.plan(maximumOrigins: 10, batchSize: 500)
        let now = ContinuousClock.now
        plan.counted(origins: 8, at: now)
        _ = plan.admit(unknownOrigins: 5)
        var position = FeedPosition(transaction: 900, sequence: 4)
        var sweeps: [Int] = []
        for batch in 1...41 {
            position = FeedPosition(transaction: 900, sequence: 4 + Int64(batch))
            let after = plan.merged(to: position, epoch: "epoch-1", more: true, origins: [], namesHeads: false)
            #expect(after.progressed)
            #expect(after.fetchHeads == after.sweep)
            if after.sweep { sweeps.append(batch) }
        }
        #expect(sweeps == [1, 21, 41])
        #expect(plan.limit == 500 && plan.cursor.position == position && !plan.longPolls)
        let caughtUp = plan.merged(to: position, epoch: "epoch-1", more: false, origins: [], namesHeads: true)
        #expect(caughtUp == .init(fetchHeads: true, sweep: false, progressed: false))
        #expect(plan.longPolls)
        plan.counted(origins: 0, at: now)
        #expect(plan.next(at: now) == .request(limit: 500, longPoll: true))
    }

    @Test func aRealmRestartIsWantedOnlyAfterRefusalsOnceTheRealmMatches() {
        var plan = Self.plan()
        #expect(!plan.wantsRealmRestart(realmRefused: false))
        plan.profilesRefused()
        #expect(!plan.wantsRealmRestart(realmRefused: true))
        #expect(plan.wantsRealmRestart(realmRefused: false))
        plan.restart(epoch: "epoch-1", notice: "pulling again")
        #expect(!plan.wantsRealmRestart(realmRefused: false))
        #expect(plan.cursor.position == .beginning && plan.cursor.notice == "pulling again")
        plan.caughtUpNoticeCleared()
        #expect(plan.cursor.notice == nil)
    }
}
