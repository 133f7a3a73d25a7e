import SyncProtocol

/// Turns stored changes into signed records for the sync API. Others' records carry their origin's
/// stored signature; this node's own are signed the first time they are served, and the signature
/// stored (in the background, by ``OwnSignatureWriter``), so serving costs no signing afterwards.
struct RecordSigner {
    let node: LocalNode
    let signatures: OwnSignatureWriter

    /// The records, in order, with their sequence; rows that cannot be signed are left out.
    func wireRecords(_ changes: [ChangesFeed.Change]) async -> [WireRecord] {
        let signed = await changes.concurrentMap { [node] change in Self.sign(change, node: node) }
        let fresh = zip(changes, signed).compactMap { change, record in change.signature == nil ? record : nil }
        signatures.store(fresh)
        return zip(changes, signed).compactMap { change, record in
            record.map { WireRecord($0, sequence: change.position.sequence) }
        }
    }

    /// A record with its stored signature; own records not signed yet are signed now.
    private static func sign(_ change: ChangesFeed.Change, node: LocalNode) -> SyncRecord? {
        let ownID = node.id
        if let profile = change.profile {
            if let signature = change.signature { return .profile(profile, signature: signature) }
            return profile.origin == ownID ? node.identity.sign(profile) : nil
        }
        if let count = change.count {
            if let signature = change.signature { return .count(count, signature: signature) }
            return count.origin == ownID ? node.identity.sign(count) : nil
        }
        if let record = change.node {
            if let signature = change.signature { return .node(record, signature: signature) }
            return record.origin == ownID ? node.identity.sign(record) : nil
        }
        return nil
    }
}
