/// The JSON answer of `GET /api/v1/changes` (see openapi.yaml), written by the feed and read by
/// pullers.
public struct ChangesDocument: Codable, Sendable {
    /// The serving node's id.
    public var nodeId: String
    /// The position the records follow.
    public var since: String
    /// The position to ask from next.
    public var next: String
    /// Whether more records were already available after `next`.
    public var more: Bool
    /// The serving node's latest change sequence value (lag estimate: this minus the last merged one).
    public var latestSequence: Int64
    public var records: [WireRecord]
    /// The feed's epoch: positions of another epoch mean nothing here (the serving node's database
    /// was restored or replaced), and a puller holding one starts again from `0`. Absent from
    /// nodes of the previous release.
    public var epoch: String?
    /// Records of a known kind (or of no kind) that could not be read: counted as malformed by
    /// the reader. Not on the wire. Records of a kind this version does not know are left out
    /// without being counted (docs/protocol.md, "Compatibility"): a newer neighbour's new kind
    /// never stops or taints the rest of a batch.
    public var unreadable = 0

    enum CodingKeys: String, CodingKey {
        case nodeId, since, next, more, latestSequence, records, epoch
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        nodeId = try container.decode(String.self, forKey: .nodeId)
        since = try container.decode(String.self, forKey: .since)
        next = try container.decode(String.self, forKey: .next)
        more = try container.decode(Bool.self, forKey: .more)
        latestSequence = try container.decode(Int64.self, forKey: .latestSequence)
        epoch = try container.decodeIfPresent(String.self, forKey: .epoch)
        let lenient = try container.decode([LenientWireRecord].self, forKey: .records)
        records = lenient.compactMap { entry in
            guard let record = entry.record, WireRecord.knownKinds.contains(record.kind) else { return nil }
            return record
        }
        unreadable =
            lenient.filter { $0.record == nil && WireRecord.knownKinds.contains($0.kind ?? "") }.count
            + lenient.filter { $0.record == nil && $0.kind == nil }.count
    }

    public init(
        nodeId: String, since: String, next: String, more: Bool, latestSequence: Int64, records: [WireRecord],
        epoch: String? = nil
    ) {
        self.epoch = epoch
        self.nodeId = nodeId
        self.since = since
        self.next = next
        self.more = more
        self.latestSequence = latestSequence
        self.records = records
    }
}

/// One element of a changes answer's `records`, read without failing the answer: the record when
/// it can be read, and its kind when at least that can.
private struct LenientWireRecord: Decodable {
    var record: WireRecord?
    var kind: String?

    enum CodingKeys: String, CodingKey { case kind }

    init(from decoder: any Decoder) throws {
        record = try? WireRecord(from: decoder)
        kind = try? decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .kind)
    }
}

/// One record on the wire. Times are integers: microseconds since 1970 (UTC).
public struct WireRecord: Codable, Sendable, Equatable {
    /// The kinds this version reads; a record of another kind comes from a newer version and is
    /// skipped quietly.
    public static let knownKinds = Set(RecordKind.allCases.map(\.rawValue))

    public var kind: String
    public var origin: String
    public var name: String
    public var signature: String
    public var sequence: Int64?
    // profile
    public var displayName: String?
    public var uuid: String?
    public var resolvedAt: Int64?
    public var avatarSha256: String?
    // count
    public var count: Int64?
    public var lastLookupAt: Int64?
    // node (`name` is the node's name, `origin` the node)
    public var url: String?
    public var softwareVersion: String?
    public var recordedAt: Int64?

    public init(_ record: SyncRecord, sequence: Int64? = nil) {
        self.sequence = sequence
        self.signature = record.signature
        kind = record.kind.rawValue
        switch record {
        case .profile(let profile, _):
            origin = profile.origin
            name = profile.nameKey
            displayName = profile.displayName
            uuid = profile.uuid
            resolvedAt = profile.resolvedAtMicros
            avatarSha256 = profile.avatarSHA256
        case .count(let count, _):
            origin = count.origin
            name = count.nameKey
            self.count = count.count
            lastLookupAt = count.lastLookupAtMicros
        case .node(let node, _):
            origin = node.origin
            name = node.name
            url = node.url
            softwareVersion = node.softwareVersion
            recordedAt = node.recordedAtMicros
        }
    }

    /// The record, or nil when its kind is unknown here or a field its kind needs is missing (the
    /// verifier checks the rest).
    public var record: SyncRecord? {
        guard let known = RecordKind(rawValue: kind) else { return nil }
        switch known {
        case .profile:
            guard let displayName, let uuid, let resolvedAt else { return nil }
            return .profile(
                ProfileRecord(
                    nameKey: name, displayName: displayName, uuid: uuid, resolvedAtMicros: resolvedAt, origin: origin,
                    avatarSHA256: avatarSha256),
                signature: signature)
        case .count:
            guard let count, let lastLookupAt else { return nil }
            return .count(
                CountRecord(origin: origin, nameKey: name, count: count, lastLookupAtMicros: lastLookupAt),
                signature: signature)
        case .node:
            guard let softwareVersion, let recordedAt else { return nil }
            return .node(
                NodeRecord(
                    origin: origin, name: name, url: url, softwareVersion: softwareVersion, recordedAtMicros: recordedAt
                ),
                signature: signature)
        }
    }
}
