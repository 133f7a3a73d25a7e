import Foundation
import Logging
import ServiceLifecycle

/// Finds the neighbours and keeps one ``NeighbourPuller`` running per neighbour node id: a round
/// of ``NeighbourDiscovery`` every `interval` (sooner when the `peers` file or the blocklist
/// changes), whose neighbours ``NeighbourPullers`` pulls from.
final class NeighbourDirectory: Service, Sendable {
    struct Settings: Sendable {
        var peersList: String
        var peersFile: String
        var interval: Duration
    }

    /// What the federation page says of a neighbour on the blocklist.
    static let blockedReason = "on this node's blocklist: not pulled from"

    private let settings: Settings
    private let node: LocalNode
    private let discovery: NeighbourDiscovery
    private let neighbours: NeighbourRepository
    private let blocklist: Blocklist
    private let makePuller: @Sendable (String, NeighbourPuller.Target) -> NeighbourPuller
    private let logger: Logger

    init(
        settings: Settings, node: LocalNode, resolver: any NameResolver, neighbour: NeighbourClient,
        neighbours: NeighbourRepository, nodeNames: NodeNames, blocklist: Blocklist, logger: Logger,
        makePuller: @escaping @Sendable (String, NeighbourPuller.Target) -> NeighbourPuller
    ) {
        self.discovery = NeighbourDiscovery(
            peersList: settings.peersList, peersFile: settings.peersFile, node: node, resolver: resolver,
            neighbour: neighbour, neighbours: neighbours, nodeNames: nodeNames, logger: logger)
        (self.settings, self.node, self.neighbours, self.blocklist) = (settings, node, neighbours, blocklist)
        (self.makePuller, self.logger) = (makePuller, logger)
    }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            guard await self.node.identityLoaded() else { return }
            await self.discoverAndPull()
        }
    }

    /// Discovery rounds until cancelled, then stops the pullers.
    private func discoverAndPull() async {
        var round = NeighbourDiscovery.Round()
        var pullers = NeighbourPullers(neighbours: neighbours, logger: logger, makePuller: makePuller)
        var fileStamp = Self.stamp(of: settings.peersFile)
        while !Task.isCancelled {
            round = await discovery.discover(previous: round)
            let blocked = blocklist.blocked
            for (nodeID, _) in round.neighbours where blocked.contains(nodeID) {
                try? await neighbours.recordState(nodeID: nodeID, state: .blocked, reason: Self.blockedReason)
            }
            let found = round.neighbours.filter { $0.key != node.id && !blocked.contains($0.key) }
            pullers.pull(
                from: found.mapValues { urls in
                    NeighbourPuller.Target(
                        addresses: urls,
                        upstreamRealm: urls.lazy.compactMap { round.identities[$0]?.upstreamRealm }.first)
                })
            await pullers.stop(allBut: Set(found.keys), blocked: blocked)
            try? await neighbours.markReplaced(found: Array(found.keys))
            // Wait for the next round, looking at the peers file every second.
            let deadline = ContinuousClock.now + settings.interval
            while ContinuousClock.now < deadline, !Task.isCancelled {
                try? await Task.sleep(for: min(.seconds(1), deadline - ContinuousClock.now))
                let stamp = Self.stamp(of: settings.peersFile)
                if stamp != fileStamp || blocklist.blocked != blocked {
                    fileStamp = stamp
                    break
                }
            }
        }
        await pullers.stopAll()
    }

    private static func stamp(of path: String) -> String {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return "missing" }
        return
            "\(attributes[.modificationDate] ?? "")|\(attributes[.size] ?? "")|\(attributes[.systemFileNumber] ?? "")"
    }
}
