import SyncProtocol
import Synchronization

/// This node as the running process knows it: its configured name and its identity, which is
/// loaded from the database once the client runs (before the server accepts requests).
public final class LocalNode: Sendable {
    public let name: String
    /// The identity once loaded, and the services waiting for it (by a number of their own, so
    /// that a cancelled one can be found), under one lock.
    private let state = Mutex(State())
    private struct State {
        var identity: NodeIdentity?
        var nextWaiter = 0
        var waiting: [Int: CheckedContinuation<Void, Never>] = [:]
    }
    private let ownAddresses = Mutex<[String]>([])

    /// Addresses from the peers list where discovery found this very node (skipped as neighbours).
    public var addressesOfItself: [String] {
        get { ownAddresses.withLock { $0 } }
        set { ownAddresses.withLock { $0 = newValue.sorted() } }
    }

    /// Entries of the neighbours lists that are not a neighbour's address, one sentence per list
    /// (``PeersListReport/problem``), shown on the federation page.
    public var peersListProblems: [String] {
        get { listProblems.withLock { $0 } }
        set { listProblems.withLock { $0 = newValue } }
    }
    private let listProblems = Mutex<[String]>([])

    public init(name: String) {
        self.name = name
    }

    /// The identity; only read after start-up has loaded it.
    public var identity: NodeIdentity {
        guard let identity = state.withLock({ $0.identity }) else {
            preconditionFailure("the node identity is read before start-up loaded it")
        }
        return identity
    }

    /// The node id (base64url Ed25519 public key).
    public var id: String { identity.nodeID }

    func load(_ identity: NodeIdentity) {
        let waiting = state.withLock { state in
            state.identity = identity
            defer { state.waiting = [:] }
            return Array(state.waiting.values)
        }
        for waiter in waiting { waiter.resume() }
    }

    /// Waits until start-up has loaded the identity (services that start with the server wait
    /// here) and returns true, or returns false once the waiting task is cancelled first: a node
    /// shut down (or whose start-up failed) before its identity was loaded ends instead of
    /// waiting for ever.
    func identityLoaded() async -> Bool {
        let id = state.withLock { state in
            defer { state.nextWaiter += 1 }
            return state.nextWaiter
        }
        // Registering and cancelling hold the same lock: a cancellation either comes before the
        // check (which then sees it) or finds the waiter to resume.
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state in
                    if state.identity != nil || Task.isCancelled { return true }
                    state.waiting[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiting.removeValue(forKey: id) }?.resume()
        }
        return state.withLock { $0.identity != nil }
    }
}
