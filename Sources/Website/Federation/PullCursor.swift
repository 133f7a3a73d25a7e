import SyncProtocol

/// Where the pull from one neighbour stands, between two requests. No I/O.
struct PullCursor: Sendable, Equatable {
    /// The position asked for next.
    var position: FeedPosition
    /// The checkpoint as stored: the merge writes only while it is unchanged.
    var stored: String
    /// The incarnation of the neighbour's feed that `position` belongs to.
    var epoch: String?
    /// The last answer had nothing more: the next request long-polls.
    var caughtUp = false
    /// Said on the federation page until the neighbour is caught up again.
    var notice: String?
    /// Profiles were refused for the neighbour's realm since the last pull from the beginning:
    /// when the realm matches again (it was upgraded or reconfigured), everything is pulled again,
    /// so that nothing refused for a reason that cleared stays lost.
    var profilesRefused = false

    init(_ checkpoint: NeighbourRepository.Checkpoint) {
        position = checkpoint.position
        stored = checkpoint.stored
        epoch = checkpoint.epoch
    }

    /// Whether an answer of feed epoch `theirs` belongs to another incarnation of the neighbour's
    /// feed than the checkpoint (its database was restored or replaced).
    func isOfAnotherEpoch(_ theirs: String?) -> Bool {
        guard let theirs, let epoch, position != .beginning else { return false }
        return theirs != epoch
    }

    /// Pull everything again, from the beginning of feed `epoch` (as the checkpoint now says).
    mutating func restart(epoch: String?, notice: String) {
        position = .beginning
        stored = FeedPosition.beginning.description
        self.epoch = epoch
        caughtUp = false
        self.notice = notice
        profilesRefused = false
    }

    /// A batch ending at `next` was merged.
    mutating func advance(to next: FeedPosition, epoch: String?, more: Bool) {
        position = next
        stored = next.description
        self.epoch = epoch ?? self.epoch
        caughtUp = !more
    }
}
