import SyncProtocol

/// What pages call each origin: this node by its configured name; any other by the name of its
/// signed node record, else the name discovery heard at one of its addresses, else the start of
/// its id.
struct NodeLabels {
    let node: LocalNode
    let recorded: RecordedNames
    let discovered: NodeNames

    init(node: LocalNode, records: NodeRecordRepository, discovered: NodeNames) {
        self.node = node
        self.recorded = RecordedNames { try await records.allNames() }
        self.discovered = discovered
    }

    func labels(for origins: [String]) async throws -> [String: String] {
        let others = origins.filter { $0 != node.id }
        let recorded = others.isEmpty ? [:] : try await self.recorded.names(for: others)
        var labels: [String: String] = [:]
        for origin in origins {
            if origin == node.id {
                labels[origin] = node.name
            } else {
                labels[origin] =
                    recorded[origin] ?? discovered.name(of: origin).flatMap { $0.isEmpty ? nil : $0 }
                    ?? NodeRecord.shortID(origin)
            }
        }
        return labels
    }
}
