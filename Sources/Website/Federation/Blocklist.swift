import Foundation
import Logging
import ServiceLifecycle
import SyncProtocol
import Synchronization

/// The node ids this node's operator blocked, from the `blocklist` file (one id per line, `#`
/// comments, re-read when it changes) and the `BLOCKLIST` setting (comma separated).
///
/// Blocking an id rejects its records from every neighbour, stops pulling from it if it is a
/// neighbour, and purges what is stored of it (see ``TrustRepository/purge(blocked:ownID:)``).
final class Blocklist: Service, Sendable {
    private let ids = Mutex<Set<String>>([])
    private let list: String
    private let file: String
    private let node: LocalNode
    private let trust: TrustRepository
    private let metrics: NodeMetrics
    private let logger: Logger

    init(
        list: String, file: String, node: LocalNode, trust: TrustRepository, metrics: NodeMetrics, logger: Logger
    ) {
        self.list = list
        self.file = file
        self.node = node
        self.trust = trust
        self.metrics = metrics
        self.logger = logger
        ids.withLock { $0 = Set(Self.parse(list, fileText: Self.read(file)).ids) }
    }

    /// The blocked ids now.
    var blocked: Set<String> { ids.withLock { $0 } }

    func contains(_ id: String) -> Bool { ids.withLock { $0.contains(id) } }

    /// Node ids from the setting and the file; entries that are not node ids are reported.
    static func parse(_ list: String, fileText: String) -> (ids: [String], invalid: [String]) {
        var ids: [String] = []
        var invalid: [String] = []
        for entry in ListEntries.parse(fileText + "\n" + list) {
            if RecordVerifier.publicKey(nodeID: entry) != nil {
                if !ids.contains(entry) { ids.append(entry) }
            } else {
                invalid.append(entry)
            }
        }
        return (ids, invalid)
    }

    private static func read(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    /// Purges everything blocked at start-up (the list may have grown while the node was down),
    /// then re-reads the file every second and purges what was added.
    func run() async throws {
        await cancelWhenGracefulShutdown {
            guard await self.node.identityLoaded() else { return }
            var purged: Set<String> = []
            var lastText: String? = nil
            while !Task.isCancelled {
                let text = Self.read(self.file)
                if text != lastText {
                    lastText = text
                    let (ids, invalid) = Self.parse(self.list, fileText: text)
                    for entry in invalid {
                        self.logger.warning("ignoring blocklist entry: not a node id", metadata: ["entry": "\(entry)"])
                    }
                    self.ids.withLock { $0 = Set(ids) }
                    self.metrics.blockedOrigins(ids.count)
                    purged.formIntersection(ids)
                }
                let toPurge = self.blocked.subtracting(purged)
                if !toPurge.isEmpty {
                    do {
                        let removed = try await self.trust.purge(blocked: Array(toPurge), ownID: self.node.id)
                        purged.formUnion(toPurge)
                        for entry in removed {
                            self.metrics.purged(entry.removed)
                            var metadata: Logger.Metadata = [
                                "origin": "\(entry.origin.prefix(12))", "reason": "\(entry.reason)",
                            ]
                            for (kind, removed) in entry.removed {
                                metadata[kind.traits.purgedName] = "\(removed)"
                            }
                            self.logger.notice("purged a blocked origin", metadata: metadata)
                        }
                    } catch {
                        self.logger.warning("blocklist purge failed; retrying", metadata: ["error": "\(error)"])
                    }
                }
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }
}
