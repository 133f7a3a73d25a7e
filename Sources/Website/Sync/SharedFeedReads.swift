import NIOCore
import SyncProtocol

/// The changes feed as long-polls read it: waiters that ask for the same page after the same
/// change notification share one read (as the live pages share theirs), so a thousand waiting
/// neighbours woken by one lookup cost one query, not a thousand. A read is shared only with
/// callers that saw the same notification generation, and a notification always follows its
/// commit, so a shared read never hides a change from a caller that was woken for it. Each
/// read runs within the sync requests' ``RequestBudget``.
struct SharedFeedReads: Sendable {
    let feed: ChangesFeed
    let budget: RequestBudget
    private let pages = SingleFlight<Key, ChangesFeed.Page>()
    private let writes = SingleFlight<Key, Bool>()
    private let answers = SingleFlight<Key, ByteBuffer>()

    private struct Key: Hashable, Sendable {
        var after: FeedPosition
        var limit: Int
        var generation: Int
    }

    init(feed: ChangesFeed, budget: RequestBudget) {
        self.feed = feed
        self.budget = budget
    }

    func changes(after position: FeedPosition, limit: Int, generation: Int) async throws -> ChangesFeed.Page {
        try await pages.run(Key(after: position, limit: limit, generation: generation)) { [feed, budget] in
            try await budget.run { try await feed.changes(after: position, limit: limit) }
        }
    }

    /// The answer (signed and encoded) to waiters that read the same page after the same
    /// notification: made once however many of them were woken.
    func answer(
        after position: FeedPosition, limit: Int, generation: Int,
        _ make: @escaping @Sendable () async throws -> ByteBuffer
    ) async throws -> ByteBuffer {
        try await answers.run(Key(after: position, limit: limit, generation: generation), make)
    }

    func hasWrites(after position: FeedPosition, generation: Int) async throws -> Bool {
        try await writes.run(Key(after: position, limit: 0, generation: generation)) { [feed, budget] in
            try await budget.run { try await feed.hasWrites(after: position) }
        }
    }
}
