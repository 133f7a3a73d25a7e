import Synchronization

/// Names of the nodes this process has met, by node id, kept in memory by discovery so that head
/// pages can label the per-node breakdown without a query.
final class NodeNames: Sendable {
    private let names = Mutex<[String: String]>([:])

    func name(of nodeID: String) -> String? {
        names.withLock { $0[nodeID] }
    }

    func learn(_ found: [String: String]) {
        names.withLock { $0.merge(found) { _, new in new } }
    }
}
