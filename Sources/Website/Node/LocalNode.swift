import SyncProtocol
import Synchronization

/// This node as the running process knows it: its configured name and its identity, which is
/// loaded from the database once the client runs (before the server accepts requests).
public final class LocalNode: Sendable {
    public let name: String
    private let loadedIdentity = Mutex<NodeIdentity?>(nil)
    private let waiters = Mutex<[CheckedContinuation<Void, Never>]>([])
    private let ownAddresses = Mutex<[String]>([])

    /// Addresses from the peers list where discovery found this very node (skipped as neighbours).
    public var addressesOfItself: [String] {
        get { ownAddresses.withLock { $0 } }
        set { ownAddresses.withLock { $0 = newValue.sorted() } }
    }

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
        let waiting = loadedIdentity.withLock { loaded in
            loaded = identity
            return waiters.withLock { waiters in
                defer { waiters = [] }
                return waiters
            }
        }
        for waiter in waiting { waiter.resume() }
    }

    /// Returns once start-up has loaded the identity (services that start with the server wait here).
    func identityLoaded() async {
        await withCheckedContinuation { continuation in
            let loaded = loadedIdentity.withLock { identity in
                // Checked and registered under the identity's lock, so a concurrent load cannot slip between.
                if identity != nil { return true }
                waiters.withLock { $0.append(continuation) }
                return false
            }
            if loaded { continuation.resume() }
        }
    }
}
