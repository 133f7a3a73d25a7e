import SyncProtocol
import Synchronization

/// This node as the running process knows it: its configured name and its identity, which is
/// loaded from the database once the client runs (before the server accepts requests).
public final class LocalNode: Sendable {
    public let name: String
    private let loadedIdentity = Mutex<NodeIdentity?>(nil)
    private let waiters = Mutex<Waiters>(Waiters())
    private struct Waiters {
        var next = 0
        var waiting: [Int: CheckedContinuation<Void, Never>] = [:]
    }
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
                defer { waiters.waiting = [:] }
                return Array(waiters.waiting.values)
            }
        }
        for waiter in waiting { waiter.resume() }
    }

    /// Waits until start-up has loaded the identity (services that start with the server wait
    /// here) and returns true, or returns false once the waiting task is cancelled first: a node
    /// shut down (or whose start-up failed) before its identity was loaded ends instead of
    /// waiting for ever.
    func identityLoaded() async -> Bool {
        let id = waiters.withLock { waiters in
            defer { waiters.next += 1 }
            return waiters.next
        }
        // Registering and cancelling both hold the identity's lock: a cancellation either comes
        // before the check (which then sees it) or finds the waiter to resume.
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = loadedIdentity.withLock { identity in
                    if identity != nil || Task.isCancelled { return true }
                    waiters.withLock { $0.waiting[id] = continuation }
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            loadedIdentity.withLock { _ in waiters.withLock { $0.waiting.removeValue(forKey: id) } }?.resume()
        }
        return loadedIdentity.withLock { $0 != nil }
    }
}
