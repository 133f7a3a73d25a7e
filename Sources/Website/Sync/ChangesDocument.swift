import Hummingbird

/// The JSON answer of `GET /api/v1/changes` (see openapi.yaml), written by the feed and read by
/// pullers.
struct ChangesDocument: Codable, Sendable, ResponseEncodable {
    /// The serving node's id.
    var nodeId: String
    /// The position the records follow.
    var since: String
    /// The position to ask from next.
    var next: String
    /// Whether more records were already available after `next`.
    var more: Bool
    /// The serving node's latest change sequence value (lag estimate: this minus the last merged one).
    var latestSequence: Int64
    var records: [WireRecord]
}

/// One record on the wire. Times are integers: microseconds since 1970 (UTC).
struct WireRecord: Codable, Sendable, Equatable {
    var kind: String
    var origin: String
    var name: String
    var signature: String
    var sequence: Int64?
    // profile
    var displayName: String?
    var uuid: String?
    var resolvedAt: Int64?
    var avatarSha256: String?
    // count
    var count: Int64?
    var lastLookupAt: Int64?

    init(_ record: SyncRecord, sequence: Int64? = nil) {
        self.sequence = sequence
        self.signature = record.signature
        switch record {
        case .profile(let profile, _):
            kind = "profile"
            origin = profile.origin
            name = profile.nameKey
            displayName = profile.displayName
            uuid = profile.uuid
            resolvedAt = profile.resolvedAtMicros
            avatarSha256 = profile.avatarSHA256
        case .count(let count, _):
            kind = "count"
            origin = count.origin
            name = count.nameKey
            self.count = count.count
            lastLookupAt = count.lastLookupAtMicros
        }
    }

    /// The record, or nil when a field its kind needs is missing (the verifier checks the rest).
    var record: SyncRecord? {
        switch kind {
        case "profile":
            guard let displayName, let uuid, let resolvedAt else { return nil }
            return .profile(
                ProfileRecord(
                    nameKey: name, displayName: displayName, uuid: uuid, resolvedAtMicros: resolvedAt, origin: origin,
                    avatarSHA256: avatarSha256),
                signature: signature)
        case "count":
            guard let count, let lastLookupAt else { return nil }
            return .count(
                CountRecord(origin: origin, nameKey: name, count: count, lastLookupAtMicros: lastLookupAt),
                signature: signature)
        default:
            return nil
        }
    }
}
