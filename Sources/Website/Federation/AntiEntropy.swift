import SyncProtocol

/// Compares this node's data with a neighbour's by digests over ranges of names (``RangePlan``),
/// recursing only into ranges that differ, and hands the records of the differing small ranges to
/// `merge` (which checks them like the feed's). The feed is the fast path; this is the backstop
/// that repairs whatever the feed missed (rows deleted by hand, a skipped record, a partition).
/// It only pulls: the neighbour repairs its side by its own rounds.
struct AntiEntropy {
    let neighbour: NeighbourClient
    let digests: DigestRepository
    /// The most requests of one round: a neighbour whose digests always differ cannot keep the
    /// round going for ever.
    var maximumMessages = RangePlan.maximumMessages

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
        /// The kinds both sides digest: every kind asked for, then those the first answer covers
        /// (``RecordKind/digestedBefore030`` from a neighbour that names none).
        var kinds: [RecordKind]?
        while let prefix = pending.popLast() {
            try Task.checkCancellation()
            guard report.messages < maximumMessages else { throw AntiEntropyError.tooManyMessages(maximumMessages) }
            let (remote, bytes) = try await neighbour.digests(
                at: base, prefix: prefix, kinds: kinds ?? RecordKind.allCases)
            guard remote.nodeId == nodeID else { throw NeighbourError.wrongNode(remote.nodeId) }
            guard RangePlan.isValid(remote.ranges, under: prefix) else { throw NeighbourError.badDigests }
            let covered = try Self.kinds(covered: remote.kinds, asked: kinds ?? RecordKind.allCases)
            guard kinds == nil || covered == kinds! else { throw NeighbourError.badDigests }
            kinds = covered
            report.messages += 1
            report.bytes += bytes
            let local = try await digests.digests(prefix: prefix, kinds: covered)
            let plan = RangePlan.compare(local: local, remote: remote.ranges)
            pending += plan.split
            for range in plan.fetch {
                guard report.messages < maximumMessages else { throw AntiEntropyError.tooManyMessages(maximumMessages) }
                let (document, bytes) = try await neighbour.records(at: base, prefix: range, kinds: covered)
                report.messages += 1
                report.bytes += bytes
                report.rangesFetched += 1
                report.recordsReceived += document.records.count
                try await merge(document.records)
            }
        }
        return report
    }

    /// The kinds an answer covers: those it names, all of them asked for; the kinds of a
    /// neighbour before 0.3.0 when it names none.
    static func kinds(covered names: [String]?, asked: [RecordKind]) throws -> [RecordKind] {
        guard let names else { return RecordKind.digestedBefore030 }
        let covered = RecordKind.list(names.joined(separator: ","))
        guard covered.count == names.count, covered.allSatisfy(asked.contains) else { throw NeighbourError.badDigests }
        return covered
    }
}

enum AntiEntropyError: Error, CustomStringConvertible {
    case tooManyMessages(Int)

    var description: String {
        switch self {
        case .tooManyMessages(let count):
            "round stopped after \(count) requests (the neighbour's digests kept differing); the rest waits for the next round"
        }
    }
}
