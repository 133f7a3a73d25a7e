import Crypto
import Foundation

/// Checks records received from a neighbour before anything is stored: well-formed fields,
/// plausible values (``PlausibilityRules``) and a signature that verifies with the public key
/// named by the record's origin. A signature proves who said a thing, not that it is true, so
/// both checks are needed: a neighbour cannot pass off a record as another origin's, and no
/// origin can make a node store a time in the far future or a count that overflows a total.
public enum RecordVerifier {
    /// Why a record was rejected; ``reason`` is the short label used by metrics and pages.
    public enum Rejection: Error, Equatable, Hashable, CustomStringConvertible {
        case malformed(String)
        case badSignature
        case fromTheFuture
        case tooOld
        case countTooLarge
        case blockedOrigin

        public var reason: String {
            switch self {
            case .malformed: return "malformed"
            case .badSignature: return "bad_signature"
            case .fromTheFuture: return "future_time"
            case .tooOld: return "past_time"
            case .countTooLarge: return "count_too_large"
            case .blockedOrigin: return "blocked_origin"
            }
        }

        public var description: String {
            switch self {
            case .malformed(let why): return "malformed record: \(why)"
            case .badSignature: return "signature does not verify with the origin's key"
            case .fromTheFuture: return "record is timed ahead of this node's clock by more than the tolerance"
            case .tooOld: return "record is timed before \(PlausibilityRules.earliestYear)"
            case .countTooLarge: return "count is larger than \(PlausibilityRules.maximumCount)"
            case .blockedOrigin: return "origin is on this node's blocklist"
            }
        }
    }

    /// The node id's public key, or nil when the id is not a base64url Ed25519 key.
    public static func publicKey(nodeID: String) -> Curve25519.Signing.PublicKey? {
        guard nodeID.utf8.count == 43, let raw = Base64URL.decode(nodeID), raw.count == 32 else { return nil }
        return try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
    }

    /// Verifies one record against the rules at the current time.
    public static func verify(_ record: SyncRecord, rules: PlausibilityRules = .init()) throws(Rejection) {
        try verify(
            record, key: publicKey(nodeID: record.origin), rules: rules, nowMicros: PlausibilityRules.nowMicros())
    }

    /// Verifies a batch on every core, reading each origin's key once; returns the records that
    /// passed, in order, and the rejected ones with the reason.
    public static func verify(
        batch records: [SyncRecord], rules: PlausibilityRules = .init(),
        nowMicros: Int64 = PlausibilityRules.nowMicros()
    ) async -> (
        accepted: [SyncRecord], rejected: [(SyncRecord, Rejection)]
    ) {
        let keys = Dictionary(Set(records.map(\.origin)).map { ($0, publicKey(nodeID: $0)) }) { first, _ in first }
        let outcomes = await records.concurrentMap { record -> Rejection? in
            do throws(Rejection) {
                try verify(record, key: keys[record.origin] ?? nil, rules: rules, nowMicros: nowMicros)
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

    /// Shape first, then plausibility, then the (expensive) signature.
    static func verify(
        _ record: SyncRecord, key: Curve25519.Signing.PublicKey?, rules: PlausibilityRules, nowMicros: Int64
    ) throws(Rejection) {
        let bytes: [UInt8]
        switch record {
        case .profile(let profile, _):
            try checkName(profile.nameKey)
            guard let display = try? Username(validating: profile.displayName), display.key == profile.nameKey else {
                throw .malformed("display name does not match the name")
            }
            guard PlayerUUID.normalise(profile.uuid) == profile.uuid else { throw .malformed("bad uuid") }
            if let sha = profile.avatarSHA256, !HeadImage.isSHA256(sha) { throw .malformed("bad avatar hash") }
            bytes = CanonicalEncoding.bytes(profile)
        case .count(let count, _):
            try checkName(count.nameKey)
            guard count.count > 0 else { throw .malformed("count must be positive") }
            bytes = CanonicalEncoding.bytes(count)
        case .node(let node, _):
            if let problem = node.problem { throw .malformed(problem) }
            bytes = CanonicalEncoding.bytes(node)
        }
        guard key != nil else { throw .malformed("origin is not a node id") }
        try rules.check(record, nowMicros: nowMicros)
        guard let key, let signature = Base64URL.decode(record.signature), signature.count == 64,
            key.isValidSignature(signature, for: bytes)
        else { throw .badSignature }
    }

    private static func checkName(_ key: String) throws(Rejection) {
        guard let name = try? Username(validating: key), name.key == key else {
            throw .malformed("name is not a lower-cased username")
        }
    }
}
