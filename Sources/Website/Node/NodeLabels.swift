import SyncProtocol

/// What pages call each origin: this node by its configured name; any other by the name of its
/// signed node record, else the name discovery heard at one of its addresses, else the start of
/// its id.
struct NodeLabels {
    let node: LocalNode
    let records: NodeRecordRepository
    let discovered: NodeNames

    func labels(for origins: [String]) async throws -> [String: String] {
        let recorded = try await records.names(of: origins.filter { $0 != node.id })
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
