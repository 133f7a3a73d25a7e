import Crypto
import Foundation

/// A profile as exchanged between nodes. Times are whole microseconds since 1970, the precision
/// PostgreSQL keeps, so that every node signs and verifies exactly the same bytes.
public struct ProfileRecord: Sendable, Equatable, Hashable {
    public var nameKey: String
    public var displayName: String
    public var uuid: String
    public var resolvedAtMicros: Int64
    public var origin: String
    public var avatarSHA256: String?

    public init(
        nameKey: String, displayName: String, uuid: String, resolvedAtMicros: Int64, origin: String,
        avatarSHA256: String?
    ) {
        self.nameKey = nameKey
        self.displayName = displayName
        self.uuid = uuid
        self.resolvedAtMicros = resolvedAtMicros
        self.origin = origin
        self.avatarSHA256 = avatarSHA256
    }

    /// The merge rule: last writer wins on (`resolvedAt`, origin); for the same resolution, the
    /// version that names its head (the origin adds it once fetched) wins over the one without;
    /// two different records equal on all three (a lying origin signs both) are ordered by their
    /// canonical bytes, so every node picks the same one whatever the arrival order. Text is
    /// compared byte by byte (SQL uses `COLLATE "C"` to agree).
    public func wins(over other: ProfileRecord) -> Bool {
        if resolvedAtMicros != other.resolvedAtMicros { return resolvedAtMicros > other.resolvedAtMicros }
        if origin != other.origin { return Self.bytewise(origin, isAbove: other.origin) }
        let avatar = avatarSHA256 ?? "", otherAvatar = other.avatarSHA256 ?? ""
        if avatar != otherAvatar { return Self.bytewise(avatar, isAbove: otherAvatar) }
        return other.canonicalBytes.lexicographicallyPrecedes(canonicalBytes)
    }

    public var canonicalBytes: [UInt8] { CanonicalEncoding.bytes(self) }

    static func bytewise(_ left: String, isAbove right: String) -> Bool {
        right.utf8.lexicographicallyPrecedes(left.utf8)
    }
}

/// One origin's grow-only lookup counter for one name.
public struct CountRecord: Sendable, Equatable, Hashable {
    public var origin: String
    public var nameKey: String
    public var count: Int64
    public var lastLookupAtMicros: Int64

    public init(origin: String, nameKey: String, count: Int64, lastLookupAtMicros: Int64) {
        self.origin = origin
        self.nameKey = nameKey
        self.count = count
        self.lastLookupAtMicros = lastLookupAtMicros
    }

    /// The merge rule: keep the maximum. Equal (count, time) means equal canonical bytes for
    /// the same key, so this order is total.
    public func wins(over other: CountRecord) -> Bool {
        (count, lastLookupAtMicros) > (other.count, other.lastLookupAtMicros)
    }
}

/// A record of either kind with its origin's Ed25519 signature (base64url) over ``canonicalBytes``.
public enum SyncRecord: Sendable, Equatable, Hashable {
    case profile(ProfileRecord, signature: String)
    case count(CountRecord, signature: String)
    case node(NodeRecord, signature: String)

    public var origin: String {
        switch self {
        case .profile(let record, _): return record.origin
        case .count(let record, _): return record.origin
        case .node(let record, _): return record.origin
        }
    }

    public var signature: String {
        switch self {
        case .profile(_, let signature), .count(_, let signature), .node(_, let signature): return signature
        }
    }
}

/// The byte strings that origins sign, one field per line (no field can contain a newline once
/// validated): `head-profile-v1`, name, display name, uuid, resolvedAt µs, origin, avatar sha256
/// (empty when none); `head-count-v1`, origin, name, count, lastLookupAt µs.
public enum CanonicalEncoding {
    public static func bytes(_ record: ProfileRecord) -> [UInt8] {
        Array(
            [
                "head-profile-v1", record.nameKey, record.displayName, record.uuid, String(record.resolvedAtMicros),
                record.origin, record.avatarSHA256 ?? "",
            ].joined(separator: "\n").utf8)
    }

    /// `head-node-v1`, origin, name, url (empty when none), software version, recordedAt µs.
    public static func bytes(_ record: NodeRecord) -> [UInt8] {
        Array(
            [
                "head-node-v1", record.origin, record.name, record.url ?? "", record.softwareVersion,
                String(record.recordedAtMicros),
            ].joined(separator: "\n").utf8)
    }

    public static func bytes(_ record: CountRecord) -> [UInt8] {
        Array(
            [
                "head-count-v1", record.origin, record.nameKey, String(record.count),
                String(record.lastLookupAtMicros),
            ].joined(separator: "\n").utf8)
    }
}

extension NodeIdentity {
    public func sign(_ record: ProfileRecord) -> SyncRecord {
        .profile(record, signature: signature(CanonicalEncoding.bytes(record)))
    }

    public func sign(_ record: CountRecord) -> SyncRecord {
        .count(record, signature: signature(CanonicalEncoding.bytes(record)))
    }

    public func sign(_ record: NodeRecord) -> SyncRecord {
        .node(record, signature: signature(CanonicalEncoding.bytes(record)))
    }

    private func signature(_ bytes: [UInt8]) -> String {
        // Signing only fails on a broken key, which NodeIdentity never holds.
        Base64URL.encode(try! privateKey.signature(for: bytes))
    }
}
