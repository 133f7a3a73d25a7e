import Synchronization

/// This node as the running process knows it: its configured name and its identity, which is
/// loaded from the database once the client runs (before the server accepts requests).
public final class LocalNode: Sendable {
    public static let softwareVersion = "0.1.0"

    public let name: String
    private let loadedIdentity = Mutex<NodeIdentity?>(nil)

    public init(name: String) {
        self.name = name
    }

    /// The identity; only read after start-up has loaded it.
    public var identity: NodeIdentity {
        guard let identity = loadedIdentity.withLock({ $0 }) else {
            preconditionFailure("the node identity is read before start-up loaded it")
        }
        return identity
    }

    /// The node id (base64url Ed25519 public key).
    public var id: String { identity.nodeID }

    func load(_ identity: NodeIdentity) {
        loadedIdentity.withLock { $0 = identity }
    }
}
