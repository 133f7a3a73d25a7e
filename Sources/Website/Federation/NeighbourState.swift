/// What a neighbour's puller is doing, as stored in `peers.state` and shown on the federation page.
enum NeighbourState: String, Sendable, Codable, CaseIterable {
    /// Found by discovery; no pull yet.
    case discovered
    /// Pulling a backlog.
    case syncing
    /// Caught up, long-polling.
    case idle
    /// The last pull failed; retried with backoff.
    case error
    /// Paused by a limit (new origins per hour); resumes by itself.
    case limited
    /// On this node's blocklist: not pulled from.
    case blocked
    /// No longer found by discovery.
    case removed

    /// Unknown text from an older or newer release reads as `discovered`.
    init(stored: String) {
        self = NeighbourState(rawValue: stored) ?? .discovered
    }
}
