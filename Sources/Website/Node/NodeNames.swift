import SyncProtocol
import Synchronization

/// What pages call each node, kept in memory: the one place node names are cached.
///
/// This node is called by its configured name; any other by the name of its signed node record,
/// else the name discovery heard at one of its addresses, else the start of its id. Every head
/// page labels its per-node rows, and a query per page view put a database round trip on the
/// busiest path, so the recorded names (one row per origin the federation admitted) are read as a
/// whole and kept: read again when older than `maximumAge`, or older than `missingAge` when an
/// origin is asked that they do not name (a record merged just now); concurrent callers share one
/// read (``SingleFlight``). A renamed node shows its new name within `maximumAge`.
final class NodeNames: Sendable {
    typealias Read = @Sendable () async throws -> [String: String]

    private struct Recorded {
        var names: [String: String]
        /// When the read that produced `names` started.
        var readAt: ContinuousClock.Instant
    }

    private let node: LocalNode
    /// Names discovery heard (`/api/v1/node` of each address it probed), by node id.
    private let heard = Mutex<[String: String]>([:])
    private let recorded = Mutex<Recorded?>(nil)
    private let reading = SingleFlight<String, Recorded>()
    private let readRecorded: Read
    private let maximumAge: Duration
    private let missingAge: Duration

    init(
        node: LocalNode, maximumAge: Duration = .seconds(2), missingAge: Duration = .milliseconds(250),
        readRecorded: @escaping Read
    ) {
        self.node = node
        self.readRecorded = readRecorded
        self.maximumAge = maximumAge
        self.missingAge = missingAge
    }

    convenience init(node: LocalNode, records: NodeRecordRepository) {
        self.init(node: node) { try await records.allNames() }
    }

    /// What discovery heard: node id to name.
    func learn(_ found: [String: String]) {
        heard.withLock { $0.merge(found) { _, new in new } }
    }

    /// The label of each of `origins`.
    func labels(for origins: [String]) async throws -> [String: String] {
        let others = origins.filter { $0 != node.id }
        let recorded = others.isEmpty ? [:] : try await recordedNames(for: others)
        let heard = heard.withLock { $0 }
        var labels: [String: String] = [:]
        for origin in origins {
            labels[origin] =
                origin == node.id
                ? node.name
                : recorded[origin] ?? heard[origin].flatMap { $0.isEmpty ? nil : $0 } ?? NodeRecord.shortID(origin)
        }
        return labels
    }

    /// The labels of a head's rows per node, on its page and in its live updates (which replace
    /// those rows, so both must say the same). This node's row is marked by markup the page adds
    /// (a badge), not by text in its label, which any neighbour could put in its own name.
    func rowLabels(for origins: [String]) async throws -> [String: String] {
        try await labels(for: origins)
    }

    /// The names node records give, fresh enough to label `origins`.
    func recordedNames(for origins: [String]) async throws -> [String: String] {
        let now = ContinuousClock.now
        if let kept = recorded.withLock({ $0 }) {
            let age = now - kept.readAt
            if age < missingAge || (age < maximumAge && origins.allSatisfy({ kept.names[$0] != nil })) {
                return kept.names
            }
        }
        let fresh = try await reading.run("all") { [readRecorded] in
            let started = ContinuousClock.now
            return Recorded(names: try await readRecorded(), readAt: started)
        }
        recorded.withLock { kept in
            if kept.map({ $0.readAt < fresh.readAt }) ?? true { kept = fresh }
        }
        return fresh.names
    }
}
