import SyncProtocol

/// How often one name was looked up: per origin node, and summed over the federation.
public struct HeadCounts: Sendable, Equatable {
    /// One origin node's grow-only counter for the name.
    public struct NodeCount: Sendable, Equatable {
        public var origin: String
        public var count: Int64
    }

    /// Counters by origin, largest first.
    public let perNode: [NodeCount]
    /// The counter of the node serving the page.
    public let local: Int64
    /// The sum over all origins, saturating: neighbours' counts are bounded, but the number of
    /// origins is not, and no stored data may make a page fail.
    public var total: Int64 { PlausibilityRules.total(perNode.map(\.count)) }

    public init(perNode: [NodeCount], localNode: String) {
        self.perNode = perNode.sorted { ($0.count, $1.origin) > ($1.count, $0.origin) }
        self.local = perNode.first { $0.origin == localNode }?.count ?? 0
    }
}
