import Logging
import SyncProtocol

/// What comes in from one neighbour, checked and merged: the pure ``BatchScreen`` as it stands
/// now (the blocklist and the neighbour's realm may change any time), the hour's allowance of new
/// origins (`SYNC_MAX_NEW_ORIGINS_PER_HOUR`), and the merge. Shared by the pull and anti-entropy.
struct NeighbourIntake: Sendable {
    /// Records that may be merged, and the count of the others by reason.
    typealias Checked = BatchScreen.Screened

    let nodeID: String
    /// This node's id: its own records never count as new origins.
    let ownID: String
    let rules: PlausibilityRules
    let maximumNewOriginsPerHour: Int
    let endpoint: NeighbourEndpoint
    let blocklist: Blocklist
    let trust: TrustRepository
    let merger: MergeRepository
    let logger: Logger

    private var currentScreen: BatchScreen {
        BatchScreen(rules: rules, blocked: blocklist.blocked, refusesProfiles: endpoint.realmRefusal != nil)
    }

    /// The records of an answer that may be merged, and the count of the others by reason.
    func check(_ wireRecords: [WireRecord], unreadable: Int = 0) async -> Checked {
        let (outcome, refusals) = await currentScreen.check(wireRecords, unreadable: unreadable)
        for (record, why) in refusals.prefix(5) {
            logger.warning("rejected record", metadata: ["origin": "\(record.origin.prefix(12))", "why": "\(why)"])
        }
        return outcome
    }

    /// A batch checked earlier, screened again by the blocklist and realm as they are now.
    func screen(_ checked: Checked) -> Checked { currentScreen.screen(checked) }

    /// The origins this neighbour introduced within the last hour.
    func originsIntroducedLastHour() async throws -> Int {
        try await trust.originsIntroducedLastHour(by: nodeID)
    }

    /// The origins of `records` this node never stored, when they could exceed `allowance`; a batch
    /// with no more distinct origins than the allowance cannot, and costs no query.
    func unknownOrigins(in records: [SyncRecord], allowance: Int) async throws -> Set<String> {
        let origins = origins(of: records)
        guard origins.count > allowance else { return [] }
        return try await trust.unknownOrigins(Array(origins))
    }

    /// The origins a merge of `records` may have introduced.
    func origins(of records: [SyncRecord]) -> Set<String> {
        Set(records.map(\.origin)).subtracting([ownID])
    }

    /// Checks and merges records found by anti-entropy (no checkpoint moves). New origins beyond
    /// the hour's allowance are left for a later round. Returns what was merged and how many
    /// records changed this node.
    func mergeRepaired(_ wire: [WireRecord]) async throws -> (batch: MergeBatch, changed: Int) {
        var checked = await check(wire)
        let allowance = max(0, maximumNewOriginsPerHour - (try await originsIntroducedLastHour()))
        let unknown = try await unknownOrigins(in: checked.accepted, allowance: allowance)
        if unknown.count > allowance {
            let admitted = Set(unknown.sorted().prefix(allowance))
            checked.accepted.removeAll { unknown.contains($0.origin) && !admitted.contains($0.origin) }
        }
        let batch = MergeBatch(checked.accepted)
        let outcome = try await merger.merge(batch, from: nodeID, rejected: checked.rejected)
        return (batch, outcome.changed)
    }
}
