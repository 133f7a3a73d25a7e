import Logging

/// The running ``NeighbourPuller``s, one per neighbour node id, each in a task of its own that
/// this value (held by ``NeighbourDirectory``'s loop) cancels and waits for.
struct NeighbourPullers {
    private let makePuller: @Sendable (String, NeighbourPuller.Target) -> NeighbourPuller
    private let neighbours: NeighbourRepository
    private let logger: Logger
    private var running: [String: (puller: NeighbourPuller, task: Task<Void, Never>)] = [:]

    init(
        neighbours: NeighbourRepository, logger: Logger,
        makePuller: @escaping @Sendable (String, NeighbourPuller.Target) -> NeighbourPuller
    ) {
        (self.neighbours, self.logger, self.makePuller) = (neighbours, logger, makePuller)
    }

    /// Starts a puller for each neighbour that has none; gives the others their addresses.
    mutating func pull(from neighbours: [String: NeighbourPuller.Target]) {
        for (nodeID, target) in neighbours {
            if let existing = running[nodeID] {
                existing.puller.update(target)
            } else {
                let puller = makePuller(nodeID, target)
                running[nodeID] = (puller, Task { await puller.run() })
                logger.info(
                    "neighbour found", metadata: ["neighbour": "\(nodeID)", "addresses": "\(target.addresses)"])
            }
        }
    }

    /// Stops the pullers of neighbours that are gone (or `blocked`), and says so on the
    /// federation page.
    mutating func stop(allBut kept: Set<String>, blocked: Set<String>) async {
        for (nodeID, existing) in running where !kept.contains(nodeID) {
            existing.task.cancel()
            await existing.task.value
            running[nodeID] = nil
            if blocked.contains(nodeID) {
                try? await neighbours.recordState(
                    nodeID: nodeID, state: .blocked, reason: NeighbourDirectory.blockedReason)
                logger.notice("neighbour blocked", metadata: ["neighbour": "\(nodeID)"])
            } else {
                try? await neighbours.recordState(nodeID: nodeID, state: .removed)
                logger.info("neighbour removed", metadata: ["neighbour": "\(nodeID)"])
            }
        }
    }

    /// Stops every puller and waits for them.
    func stopAll() async {
        for existing in running.values { existing.task.cancel() }
        for existing in running.values { await existing.task.value }
    }
}
