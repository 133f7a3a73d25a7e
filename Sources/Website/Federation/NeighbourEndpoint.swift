import Synchronization

/// Where one neighbour answers and what it says of itself. Discovery updates it while the
/// neighbour's puller runs; the pull and anti-entropy read it before each request.
final class NeighbourEndpoint: Sendable {
    struct Target: Sendable {
        var addresses: [String]
        var upstreamRealm: String?
    }

    private let target: Mutex<Target>
    /// This node's upstream realm: a neighbour's profiles are merged only when it names the same.
    private let ourRealm: String

    init(_ target: Target, ourRealm: String) {
        self.target = Mutex(target)
        self.ourRealm = ourRealm
    }

    func update(_ target: Target) {
        self.target.withLock { $0 = target }
    }

    /// The address asked next.
    var address: String? { target.withLock { $0.addresses.first } }

    /// After a failure, try the neighbour's next address first.
    func rotate() {
        target.withLock { target in
            if target.addresses.count > 1 { target.addresses.append(target.addresses.removeFirst()) }
        }
    }

    /// Why this neighbour's profiles are not merged, or nil when its upstream is ours.
    var realmRefusal: String? {
        BatchScreen.realmRefusal(named: target.withLock { $0.upstreamRealm }, ours: ourRealm)
    }
}
