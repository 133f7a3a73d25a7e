import Foundation
import Logging
import SyncProtocol

/// One round of discovery: the entries of the `peers` file and the `PEERS` list, each name
/// resolved to its addresses, and each address asked `GET /api/v1/node`; several addresses
/// answering with one id are one neighbour.
struct NeighbourDiscovery: Sendable {
    let peersList: String
    let peersFile: String
    let node: LocalNode
    let resolver: any NameResolver
    let neighbour: NeighbourClient
    let neighbours: NeighbourRepository
    let nodeNames: NodeNames
    let logger: Logger

    /// What one round of discovery found.
    struct Round: Sendable {
        /// Base URL → the node answering there (kept from earlier rounds while the URL stays a candidate).
        var identities: [String: NeighbourClient.NodeInfo] = [:]
        /// Entries whose name did not resolve (said once as a warning, not every round).
        var unresolved: Set<String> = []
        /// What the lists held that is not a neighbour's address (``PeersListReport/problem``).
        var listProblems: [String] = []
        /// Node id → its base URLs, without this node.
        var neighbours: [String: [String]] {
            var result: [String: [String]] = [:]
            for (url, info) in identities.sorted(by: { $0.key < $1.key }) {
                result[info.nodeId, default: []].append(url)
            }
            return result
        }
    }

    /// The entries of the `peers` file and the `PEERS` list, merged and de-duplicated, and what
    /// each list held that is not a neighbour's address.
    func entries() -> (addresses: [NeighbourAddress], problems: [String]) {
        let fileText = (try? String(contentsOfFile: peersFile, encoding: .utf8)) ?? ""
        var result: [NeighbourAddress] = []
        for text in [fileText, peersList] {
            for address in NeighbourAddress.parseList(text).addresses where !result.contains(address) {
                result.append(address)
            }
        }
        let reports = [
            PeersListReport(source: peersFile, text: fileText), PeersListReport(source: "PEERS", text: peersList),
        ]
        return (result, reports.compactMap(\.problem))
    }

    /// Resolves every entry to its addresses and asks each address which node it is.
    func discover(previous: Round) async -> Round {
        var candidates: [String] = []
        var unresolved: Set<String> = []
        let (addresses, problems) = entries()
        // Said once when the list changes, not every round; the federation page says it meanwhile.
        for problem in problems where !previous.listProblems.contains(problem) {
            logger.warning("ignoring peers-list entries", metadata: ["problem": "\(problem)"])
        }
        node.peersListProblems = problems
        for entry in addresses {
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
                guard var info else { continue }
                // A name heard here is shown like a node record's: the same rules, or no name.
                if NodeRecord(origin: info.nodeId, name: info.name, url: nil, softwareVersion: "-", recordedAtMicros: 0)
                    .problem != nil
                {
                    logger.warning(
                        "a neighbour's name breaks the node-name rules; shown by its id instead",
                        metadata: ["address": "\(url)", "bytes": "\(info.name.utf8.count)"])
                    info.name = ""
                }
                answers[url] = info
            }
            return answers
        }
        node.addressesOfItself = probed.filter { $0.value.nodeId == node.id }.map(\.key)
        nodeNames.learn(Dictionary(probed.values.map { ($0.nodeId, $0.name) }) { _, last in last })
        var round = Round(unresolved: unresolved, listProblems: problems)
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
}
