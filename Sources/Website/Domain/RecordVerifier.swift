import Crypto
import Foundation

/// Checks records received from a neighbour before anything is stored: well-formed fields and a
/// signature that verifies with the public key named by the record's origin. A neighbour cannot
/// pass off a record as another origin's, because only that origin's key signs for it.
public enum RecordVerifier {
    public enum Rejection: Error, Equatable, CustomStringConvertible {
        case malformed(String)
        case badSignature

        public var description: String {
            switch self {
            case .malformed(let why): return "malformed record: \(why)"
            case .badSignature: return "signature does not verify with the origin's key"
            }
        }
    }

    /// The node id's public key, or nil when the id is not a base64url Ed25519 key.
    public static func publicKey(nodeID: String) -> Curve25519.Signing.PublicKey? {
        guard nodeID.utf8.count == 43, let raw = Base64URL.decode(nodeID), raw.count == 32 else { return nil }
        return try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
    }

    public static func verify(_ record: SyncRecord) throws(Rejection) {
        try verify(record, key: publicKey(nodeID: record.origin))
    }

    /// Verifies a batch on every core, reading each origin's key once; returns the records that
    /// passed, in order, and the rejected ones with the reason.
    public static func verify(
        batch records: [SyncRecord]
    ) async -> (
        accepted: [SyncRecord], rejected: [(SyncRecord, Rejection)]
    ) {
        let keys = Dictionary(Set(records.map(\.origin)).map { ($0, publicKey(nodeID: $0)) }) { first, _ in first }
        let outcomes = await records.concurrentMap { record -> Rejection? in
            do throws(Rejection) {
                try verify(record, key: keys[record.origin] ?? nil)
                return nil
            } catch {
                return error
            }
        }
        var accepted: [SyncRecord] = []
        var rejected: [(SyncRecord, Rejection)] = []
        for (record, outcome) in zip(records, outcomes) {
            if let outcome { rejected.append((record, outcome)) } else { accepted.append(record) }
        }
        return (accepted, rejected)
    }

    static func verify(_ record: SyncRecord, key: Curve25519.Signing.PublicKey?) throws(Rejection) {
        let bytes: [UInt8]
        switch record {
        case .profile(let profile, _):
            try checkName(profile.nameKey)
            guard let display = try? Username(validating: profile.displayName), display.key == profile.nameKey else {
                throw .malformed("display name does not match the name")
            }
            guard PlayerUUID.normalise(profile.uuid) == profile.uuid else { throw .malformed("bad uuid") }
            if let sha = profile.avatarSHA256, !HeadImage.isSHA256(sha) { throw .malformed("bad avatar hash") }
            try checkTime(profile.resolvedAtMicros)
            bytes = CanonicalEncoding.bytes(profile)
        case .count(let count, _):
            try checkName(count.nameKey)
            guard count.count > 0 else { throw .malformed("count must be positive") }
            try checkTime(count.lastLookupAtMicros)
            bytes = CanonicalEncoding.bytes(count)
        }
        guard let key else { throw .malformed("origin is not a node id") }
        guard let signature = Base64URL.decode(record.signature), signature.count == 64,
            key.isValidSignature(signature, for: bytes)
        else { throw .badSignature }
    }

    private static func checkName(_ key: String) throws(Rejection) {
        guard let name = try? Username(validating: key), name.key == key else {
            throw .malformed("name is not a lower-cased username")
        }
    }

    /// Between 2000 and 2200: anything else is garbage, whatever the clocks say.
    private static func checkTime(_ micros: Int64) throws(Rejection) {
        guard (946_684_800_000_000...7_258_118_400_000_000).contains(micros) else { throw .malformed("bad time") }
    }
}
