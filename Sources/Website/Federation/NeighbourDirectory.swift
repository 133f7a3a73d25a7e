import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle
import SyncProtocol

/// Finds the neighbours and keeps one ``NeighbourPuller`` running per neighbour node id.
///
/// Entries come from the `peers` file (re-read when it changes) and the `PEERS` list. Every name
/// is resolved again each round and each of its addresses is asked `GET /api/v1/node`: the
/// node's own id is skipped, and several addresses answering with one id are one neighbour.
final class NeighbourDirectory: Service, Sendable {
    struct Settings: Sendable {
        var peersList: String
        var peersFile: String
        var interval: Duration
    }

    private let settings: Settings
    private let node: LocalNode
    private let resolver: any NameResolver
    private let neighbour: NeighbourClient
    private let neighbours: NeighbourRepository
    private let names: NodeNames
    private let blocklist: Blocklist
    private let makePuller: @Sendable (String, NeighbourPuller.Target) -> NeighbourPuller
    private let logger: Logger

    init(
        settings: Settings, node: LocalNode, resolver: any NameResolver, neighbour: NeighbourClient,
        neighbours: NeighbourRepository, names: NodeNames, blocklist: Blocklist, logger: Logger,
        makePuller: @escaping @Sendable (String, NeighbourPuller.Target) -> NeighbourPuller
    ) {
        self.blocklist = blocklist
        self.names = names
        self.settings = settings
        self.node = node
        self.resolver = resolver
        self.neighbour = neighbour
        self.neighbours = neighbours
        self.makePuller = makePuller
        self.logger = logger
    }

    /// What one round of discovery found.
    struct Round: Sendable {
        /// Base URL → the node answering there (kept from earlier rounds while the URL stays a candidate).
        var identities: [String: NeighbourClient.NodeInfo] = [:]
        /// Entries whose name did not resolve (said once as a warning, not every round).
        var unresolved: Set<String> = []
        /// Node id → its base URLs, without this node.
        var neighbours: [String: [String]] {
            var result: [String: [String]] = [:]
            for (url, info) in identities.sorted(by: { $0.key < $1.key }) {
                result[info.nodeId, default: []].append(url)
            }
            return result
        }
    }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            guard await self.node.identityLoaded() else { return }
            await self.discoverAndPull()
        }
    }

    /// Discovery rounds until cancelled, then stops the pullers.
    private func discoverAndPull() async {
        var round = Round()
        var pullers: [String: (puller: NeighbourPuller, task: Task<Void, Never>)] = [:]
        var fileStamp = Self.stamp(of: settings.peersFile)
        while !Task.isCancelled {
            round = await self.discover(previous: round)
            let blocked = self.blocklist.blocked
            for (nodeID, _) in round.neighbours where blocked.contains(nodeID) {
                try? await self.neighbours.recordState(
                    nodeID: nodeID, state: .blocked, reason: "on this node's blocklist: not pulled from")
            }
            let neighbours = round.neighbours.filter { $0.key != self.node.id && !blocked.contains($0.key) }
            for (nodeID, urls) in neighbours {
                let target = NeighbourPuller.Target(
                    addresses: urls, upstreamRealm: urls.lazy.compactMap { round.identities[$0]?.upstreamRealm }.first)
                if let running = pullers[nodeID] {
                    running.puller.update(target)
                } else {
                    let puller = self.makePuller(nodeID, target)
                    pullers[nodeID] = (puller, Task { await puller.run() })
                    self.logger.info("neighbour found", metadata: ["neighbour": "\(nodeID)", "addresses": "\(urls)"])
                }
            }
            for (nodeID, running) in pullers where neighbours[nodeID] == nil {
                running.task.cancel()
                await running.task.value
                pullers[nodeID] = nil
                if blocked.contains(nodeID) {
                    try? await self.neighbours.recordState(
                        nodeID: nodeID, state: .blocked, reason: "on this node's blocklist: not pulled from")
                    self.logger.notice("neighbour blocked", metadata: ["neighbour": "\(nodeID)"])
                } else {
                    try? await self.neighbours.recordState(nodeID: nodeID, state: .removed)
                    self.logger.info("neighbour removed", metadata: ["neighbour": "\(nodeID)"])
                }
            }
            // Wait for the next round, looking at the peers file every second.
            let deadline = ContinuousClock.now + self.settings.interval
            while ContinuousClock.now < deadline, !Task.isCancelled {
                try? await Task.sleep(for: min(.seconds(1), deadline - ContinuousClock.now))
                let stamp = Self.stamp(of: self.settings.peersFile)
                if stamp != fileStamp || self.blocklist.blocked != blocked {
                    fileStamp = stamp
                    break
                }
            }
        }
        for running in pullers.values { running.task.cancel() }
        for running in pullers.values { await running.task.value }
    }

    /// The entries of the `peers` file and the `PEERS` list, merged and de-duplicated.
    func entries() -> [NeighbourAddress] {
        let fileText = (try? String(contentsOfFile: settings.peersFile, encoding: .utf8)) ?? ""
        let (fromFile, badFile) = NeighbourAddress.parseList(fileText)
        let (fromList, badList) = NeighbourAddress.parseList(settings.peersList)
        for entry in badFile + badList {
            logger.warning(
                "ignoring peer entry: expected name, name:port, http://host:port or https://host[:port]",
                metadata: ["entry": "\(entry)"])
        }
        var result: [NeighbourAddress] = []
        for address in fromFile + fromList where !result.contains(address) { result.append(address) }
        return result
    }

    /// Resolves every entry to its addresses and asks each address which node it is.
    func discover(previous: Round) async -> Round {
        var candidates: [String] = []
        var unresolved: Set<String> = []
        for entry in entries() {
            do {
                candidates += try await Self.candidates(for: entry, resolver: resolver)
                if previous.unresolved.contains(entry.description) {
                    logger.info("neighbour name resolves again", metadata: ["entry": "\(entry)"])
                }
            } catch {
                unresolved.insert(entry.description)
                if previous.unresolved.contains(entry.description) {
                    logger.debug("cannot resolve neighbour", metadata: ["entry": "\(entry)", "error": "\(error)"])
                } else {
                    logger.warning("cannot resolve neighbour", metadata: ["entry": "\(entry)", "error": "\(error)"])
                }
            }
        }
        // Clients for addresses a name no longer resolves to are closed (a name whose addresses
        // keep changing must not pile up one client per address ever seen).
        await neighbour.tlsClients.retain(only: Set(candidates))
        let probed = await withTaskGroup(of: (String, NeighbourClient.NodeInfo?).self) { group in
            for url in Set(candidates) {
                group.addTask { (url, try? await self.neighbour.nodeInfo(at: url)) }
            }
            var answers: [String: NeighbourClient.NodeInfo] = [:]
            for await (url, info) in group {
                if let info { answers[url] = info }
            }
            return answers
        }
        node.addressesOfItself = probed.filter { $0.value.nodeId == node.id }.map(\.key)
        names.learn(Dictionary(probed.values.map { ($0.nodeId, $0.name) }) { _, last in last })
        var round = Round(unresolved: unresolved)
        for url in Set(candidates) {
            // A candidate that did not answer this time keeps the identity it had: its puller
            // stays and reports the failure, instead of the neighbour vanishing from the page.
            guard let info = probed[url] ?? previous.identities[url],
                RecordVerifier.publicKey(nodeID: info.nodeId) != nil
            else { continue }
            round.identities[url] = info
            if info.nodeId != node.id, probed[url] != nil {
                try? await neighbours.found(nodeID: info.nodeId, name: info.name, address: url)
            }
        }
        return round
    }

    /// The base URLs of one entry: `http://ADDRESS:PORT` per address of its name, or for a
    /// neighbour behind TLS the name's URL reached at each address (the certificate checked against
    /// the name), as ``NeighbourBase`` text.
    private static func candidates(for entry: NeighbourAddress, resolver: any NameResolver) async throws -> [String] {
        guard entry.usesTLS else {
            return try await resolver.addresses(of: entry.host).map { address in
                "http://\(address.contains(":") ? "[\(address)]" : address):\(entry.port)"
            }
        }
        let url = "https://\(entry.host.contains(":") ? "[\(entry.host)]" : entry.host):\(entry.port)"
        if isAddressLiteral(entry.host) { return [url] }
        return try await resolver.addresses(of: entry.host).map {
            NeighbourBase(url: url, connectAddress: $0).description
        }
    }

    private static func isAddressLiteral(_ host: String) -> Bool {
        host.contains(":") || host.split(separator: ".").count == 4 && host.allSatisfy { $0.isNumber || $0 == "." }
    }

    private static func stamp(of path: String) -> String {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return "missing" }
        return
            "\(attributes[.modificationDate] ?? "")|\(attributes[.size] ?? "")|\(attributes[.systemFileNumber] ?? "")"
    }
}
