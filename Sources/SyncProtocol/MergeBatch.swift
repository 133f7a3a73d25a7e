/// A verified batch split by kind (profiles, counts, node records), with at most one record per key (the one that wins the merge
/// rule), as set-based SQL needs: one statement cannot update the same row twice.
public struct MergeBatch: Sendable, Equatable {
    public var profiles: [ProfileRecord: String]
    public var counts: [CountRecord: String]
    public var nodes: [NodeRecord: String]

    public init(_ records: [SyncRecord]) {
        var profiles: [String: (ProfileRecord, String)] = [:]
        var counts: [String: (CountRecord, String)] = [:]
        var nodes: [String: (NodeRecord, String)] = [:]
        for record in records {
            switch record {
            case .profile(let profile, let signature):
                if let kept = profiles[profile.nameKey], !profile.wins(over: kept.0) { continue }
                profiles[profile.nameKey] = (profile, signature)
            case .count(let count, let signature):
                let key = count.origin + "\n" + count.nameKey
                if let kept = counts[key], !count.wins(over: kept.0) { continue }
                counts[key] = (count, signature)
            case .node(let node, let signature):
                if let kept = nodes[node.origin], !node.wins(over: kept.0) { continue }
                nodes[node.origin] = (node, signature)
            }
        }
        self.profiles = Dictionary(uniqueKeysWithValues: profiles.values.map { ($0.0, $0.1) })
        self.counts = Dictionary(uniqueKeysWithValues: counts.values.map { ($0.0, $0.1) })
        self.nodes = Dictionary(uniqueKeysWithValues: nodes.values.map { ($0.0, $0.1) })
    }

    public var isEmpty: Bool { profiles.isEmpty && counts.isEmpty && nodes.isEmpty }
}
