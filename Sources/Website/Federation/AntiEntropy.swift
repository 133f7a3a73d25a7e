import SyncProtocol

/// Compares this node's data with a neighbour's by digests over ranges of names (``RangePlan``),
/// recursing only into ranges that differ, and hands the records of the differing small ranges to
/// `merge` (which checks them like the feed's). The feed is the fast path; this is the backstop
/// that repairs whatever the feed missed (rows deleted by hand, a skipped record, a partition).
/// It only pulls: the neighbour repairs its side by its own rounds.
struct AntiEntropy {
    let neighbour: NeighbourClient
    let digests: DigestRepository

    /// What one round cost and found.
    struct Report: Sendable, Equatable {
        var messages = 0
        var bytes = 0
        var rangesFetched = 0
        var recordsReceived = 0
    }

    func reconcile(
        with base: String, nodeID: String, merge: ([WireRecord]) async throws -> Void
    ) async throws -> Report {
        var report = Report()
        var pending = [""]
        while let prefix = pending.popLast() {
            try Task.checkCancellation()
            guard report.messages < RangePlan.maximumMessages else { throw AntiEntropyError.tooManyMessages }
            let (remote, bytes) = try await neighbour.digests(at: base, prefix: prefix)
            guard remote.nodeId == nodeID else { throw NeighbourError.wrongNode(remote.nodeId) }
            guard RangePlan.isValid(remote.ranges, under: prefix) else { throw NeighbourError.malformed }
            report.messages += 1
            report.bytes += bytes
            let local = try await digests.digests(prefix: prefix)
            let plan = RangePlan.compare(local: local, remote: remote.ranges)
            pending += plan.split
            for range in plan.fetch {
                guard report.messages < RangePlan.maximumMessages else { throw AntiEntropyError.tooManyMessages }
                let (document, bytes) = try await neighbour.records(at: base, prefix: range)
                report.messages += 1
                report.bytes += bytes
                report.rangesFetched += 1
                report.recordsReceived += document.records.count
                try await merge(document.records)
            }
        }
        return report
    }
}

enum AntiEntropyError: Error, CustomStringConvertible {
    case tooManyMessages

    var description: String {
        "anti-entropy round stopped after \(RangePlan.maximumMessages) requests; the rest waits for the next round"
    }
}
