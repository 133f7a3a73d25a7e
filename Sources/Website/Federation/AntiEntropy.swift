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

    /// Walks the ranges level by level (each level one hex digit longer), asking for as many
    /// ranges per request as the neighbour's first answer allows (one for a node before 0.4.0),
    /// and reading this node's digests of the same ranges meanwhile. A level's differing ranges
    /// are planned together (``RangePlan/plan(_:batched:)``): the small ones fetched, in as few
    /// records requests as the bounds allow, the others split into the next level.
    func reconcile(
        with base: String, nodeID: String, merge: ([WireRecord]) async throws -> Void
    ) async throws -> Report {
        var report = Report()
        var level = [""]
        /// The kinds both sides digest: every kind asked for, then those the first answer covers
        /// (``RecordKind/digestedBefore030`` from a neighbour that names none).
        var kinds: [RecordKind]?
        var perRequest = 1
        while !level.isEmpty {
            var differing: [RangeDigest] = []
            for start in stride(from: 0, to: level.count, by: perRequest) {
                let prefixes = Array(level[start..<min(start + perRequest, level.count)])
                try spend(&report)
                let asked = kinds ?? RecordKind.allCases
                // This node's side, read while the neighbour answers (over every kind until the
                // first answer says which both digest).
                async let ownDigests = digests.digests(prefixes: prefixes, kinds: asked)
                let (remote, bytes) = try await neighbour.digests(at: base, prefixes: prefixes, kinds: asked)
                guard remote.nodeId == nodeID else { throw NeighbourError.wrongNode(remote.nodeId) }
                guard RangePlan.isValid(remote.ranges, under: prefixes) else { throw NeighbourError.badDigests }
                let covered = try Self.kinds(covered: remote.kinds, asked: asked)
                guard kinds == nil || covered == kinds! else { throw NeighbourError.badDigests }
                if kinds == nil {
                    perRequest = min(max(remote.maximumPrefixes ?? 1, 1), RangePlan.maximumPrefixesPerRequest)
                }
                kinds = covered
                report.bytes += bytes
                let read = try await ownDigests
                let local = covered == asked ? read : try await digests.digests(prefixes: prefixes, kinds: covered)
                differing += RangePlan.differing(local: local, remote: remote.ranges)
                // A level that the remaining requests could not walk is not kept (a liar's
                // ranges multiply by 16 a level).
                guard
                    differing.count
                        <= min((maximumMessages - report.messages) * perRequest, RangePlan.maximumRangesPerLevel)
                else { throw AntiEntropyError.tooManyMessages(maximumMessages) }
            }
            let plan = RangePlan.plan(differing, batched: perRequest > 1)
            for request in RangePlan.recordsRequests(plan.fetch, perRequest: perRequest) {
                try spend(&report)
                let (document, bytes) = try await neighbour.records(
                    at: base, prefixes: request, kinds: kinds ?? RecordKind.digestedBefore030)
                report.bytes += bytes
                report.rangesFetched += request.count
                report.recordsReceived += document.records.count
                try await merge(document.records)
            }
            level = plan.split
        }
        return report
    }

    /// Counts one more request of the round, or ends the round at its bound.
    private func spend(_ report: inout Report) throws {
        try Task.checkCancellation()
        guard report.messages < maximumMessages else { throw AntiEntropyError.tooManyMessages(maximumMessages) }
        report.messages += 1
    }

    /// The kinds an answer covers: those it names, all of them asked for; the kinds of a
    /// neighbour before 0.3.0 when it names none.
    static func kinds(covered names: [String]?, asked: [RecordKind]) throws -> [RecordKind] {
        guard let names else { return RecordKind.digestedBefore030 }
        let covered = names.compactMap(RecordKind.init(rawValue:))
        guard covered.count == names.count, Set(covered).count == covered.count, covered.allSatisfy(asked.contains)
        else { throw NeighbourError.badDigests }
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
