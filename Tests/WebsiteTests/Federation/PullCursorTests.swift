import SyncProtocol
import Testing

@testable import Website

/// Where a pull stands between requests: the rules that decide a pull from the beginning.
@Suite struct PullCursorTests {
    static let stored = NeighbourRepository.Checkpoint(
        position: FeedPosition(transaction: 900, sequence: 4), epoch: "epoch-1", stored: "900.4")

    @Test func anAnswerOfAnotherEpochMeansTheNeighbourWasRestored() {
        let cursor = PullCursor(Self.stored)
        #expect(cursor.isOfAnotherEpoch("epoch-2"))
        #expect(!cursor.isOfAnotherEpoch("epoch-1"))
        // A neighbour that names no epoch (a release before epochs) is taken at its word.
        #expect(!cursor.isOfAnotherEpoch(nil))
    }

    @Test func noEpochIsAnotherForAPullFromTheBeginningOrACheckpointWithoutOne() {
        var cursor = PullCursor(Self.stored)
        cursor.restart(epoch: "epoch-1", notice: "again")
        #expect(!cursor.isOfAnotherEpoch("epoch-2"))
        let unstamped = PullCursor(
            .init(position: FeedPosition(transaction: 5, sequence: 1), epoch: nil, stored: "5.1"))
        #expect(!unstamped.isOfAnotherEpoch("epoch-2"))
    }

    @Test func aRestartGoesBackToTheBeginningAndForgetsRefusedProfiles() {
        var cursor = PullCursor(Self.stored)
        cursor.caughtUp = true
        cursor.profilesRefused = true
        cursor.restart(epoch: "epoch-2", notice: "restored")
        #expect(cursor.position == .beginning)
        #expect(cursor.stored == FeedPosition.beginning.description)
        #expect(cursor.epoch == "epoch-2")
        #expect(!cursor.caughtUp)
        #expect(!cursor.profilesRefused)
        #expect(cursor.notice == "restored")
    }

    @Test func advancingKeepsTheEpochUnlessTheAnswerNamesOne() {
        var cursor = PullCursor(Self.stored)
        let next = FeedPosition(transaction: 950, sequence: 9)
        cursor.advance(to: next, epoch: nil, more: true)
        #expect(cursor.position == next && cursor.stored == "950.9" && cursor.epoch == "epoch-1" && !cursor.caughtUp)
        cursor.advance(to: next, epoch: "epoch-1", more: false)
        #expect(cursor.caughtUp)
    }
}
