import SyncProtocol

/// A changes request sent ahead, and checked once it arrives (while the current batch is
/// merged): used when the next round asks for exactly this (same address, position and size, no
/// long-poll), cancelled otherwise. Its task is the puller's: cancelled when not used, and when
/// the pull ends.
struct ChangesPrefetch {
    let base: String
    let position: FeedPosition
    let limit: Int
    let task: Task<(ChangesDocument, NeighbourIntake.Checked), any Error>

    init(
        base: String, position: FeedPosition, limit: Int, neighbour: NeighbourClient,
        check: @escaping @Sendable (ChangesDocument) async -> NeighbourIntake.Checked
    ) {
        self.base = base
        self.position = position
        self.limit = limit
        self.task = Task {
            let document = try await neighbour.changes(at: base, since: position, limit: limit, wait: .zero)
            return (document, await check(document))
        }
    }

    func matches(base: String, position: FeedPosition, limit: Int) -> Bool {
        self.base == base && self.position == position && self.limit == limit
    }
}
