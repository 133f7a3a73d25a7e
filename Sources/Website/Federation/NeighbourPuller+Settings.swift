import Foundation
import SyncProtocol

extension NeighbourPuller {
    struct Settings: Sendable {
        var batchSize: Int
        var wait: Duration
        /// Deadline of a sync request beyond its wait (the lease covers wait + timeout + margin).
        var requestTimeout: Duration = .seconds(10)
        /// How often a standby replica tries to take over the neighbour.
        var standbyRetry: Duration = .seconds(2)
        /// A round that brings nothing new lasts at least this long (a neighbour that answers at
        /// once without progress is not asked again in a tight loop).
        var minimumRoundInterval: Duration = .milliseconds(500)
        /// How often a neighbour paused by the new-origins limit is looked at again.
        var limitedRetry: Duration = .seconds(30)
        var rules = PlausibilityRules()
        var maximumNewOriginsPerHour = 1000
        /// This node's upstream realm; a neighbour's profiles are merged only when it names the same.
        var upstreamRealm = ""
        /// This replica's lease holder name: stable across restarts of one replica (host name and
        /// port: a replica killed and started again takes its leases back at once instead of
        /// waiting for them to expire), unique among running replicas.
        var holder = UUID().uuidString
        /// How often the data is compared with the neighbour's by digests (nil: never).
        var antiEntropyInterval: Duration? = .seconds(300)
        /// The least time between two pulls from the beginning because the neighbour's realm
        /// matches again: a neighbour that flips its realm back and forth does not make this node
        /// pull its whole feed on every flip (what was refused meanwhile comes with the next one).
        var realmRestartSpacing: Duration = .seconds(600)
    }
}
