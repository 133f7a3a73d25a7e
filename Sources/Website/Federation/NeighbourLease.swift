/// This replica's lease on pulling one neighbour (``NeighbourRepository/takeLease(nodeID:holder:duration:)``):
/// exactly one replica of the node pulls from a given neighbour and merges only while it holds the
/// lease; the others stand by.
///
/// A lease covers a request's wait and deadline with 20 s to spare. It is renewed before a
/// request once less than 10 s would be left after it, not before every request: a renewal is a
/// committed write, and a change takes a request per hop through the federation.
struct NeighbourLease: Sendable {
    let neighbours: NeighbourRepository
    let nodeID: String
    /// This replica's name (``NeighbourPuller/Settings/holder``).
    let holder: String
    /// Deadline of a sync request beyond its wait.
    let requestTimeout: Duration
    private var until = ContinuousClock.now

    init(neighbours: NeighbourRepository, nodeID: String, holder: String, requestTimeout: Duration) {
        self.neighbours = neighbours
        self.nodeID = nodeID
        self.holder = holder
        self.requestTimeout = requestTimeout
    }

    /// Takes the lease, or renews it, for a request that may wait `wait`; false when another
    /// replica holds it.
    mutating func take(forWait wait: Duration = .zero) async throws -> Bool {
        let asked = ContinuousClock.now
        let duration = wait + requestTimeout + .seconds(20)
        guard try await neighbours.takeLease(nodeID: nodeID, holder: holder, duration: duration) else { return false }
        until = asked + duration
        return true
    }

    /// Renews the lease when it would not cover a request that may wait `wait`; false when
    /// another replica took it over.
    mutating func hold(forWait wait: Duration) async throws -> Bool {
        if until - ContinuousClock.now >= wait + requestTimeout + .seconds(10) { return true }
        return try await take(forWait: wait)
    }

    /// Gives the lease up, even when the calling task is cancelled (another replica takes over at
    /// once instead of waiting for it to run out).
    func release() async {
        let (neighbours, nodeID, holder) = (neighbours, nodeID, holder)
        await Task { try? await neighbours.releaseLease(nodeID: nodeID, holder: holder) }.value
    }
}
