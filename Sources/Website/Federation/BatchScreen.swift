import SyncProtocol

/// Which records of a neighbour's answer may be merged, and how many of the others were refused
/// for each reason (the counts the federation page shows). No I/O: the caller gives what the
/// rules depend on (the blocklist now, whether the neighbour's profile service is this node's).
///
/// In order: records that could not be read are `malformed`; records of blocked origins are
/// refused (`blocked_origin`), and profiles when the realms differ (`upstream_realm`), before any
/// signature is checked; the rest are verified (signature and plausibility,
/// ``RecordVerifier/verify(batch:rules:nowMicros:)``). Admitting new origins within the hour's
/// allowance needs the database and is the puller's.
struct BatchScreen: Sendable {
    /// The records that passed so far, and the count of the others by reason.
    struct Screened: Sendable, Equatable {
        var accepted: [SyncRecord] = []
        var rejected: [String: Int] = [:]
    }

    /// The reason under which profiles of a neighbour of another profile service are counted.
    static let realmReason = "upstream_realm"

    /// Why a neighbour's profiles are refused, or nil when its profile service (`named` in its
    /// `/api/v1/node`) is this node's (`ours`). A neighbour naming none (a release before 0.2.0) is
    /// taken as a default-configured node (docs/protocol.md#compatibility-with-the-previous-release).
    static func realmRefusal(named: String?, ours: String) -> String? {
        let theirs = named ?? AppConfiguration.realmOfNeighboursNamingNone
        guard theirs != ours else { return nil }
        guard named != nil else {
            return "profiles refused: the neighbour names no profile service (a release before 0.2.0), taken as "
                + "\(theirs); this node uses \(ours)"
        }
        return "profiles refused: the neighbour uses \(theirs), this node \(ours)"
    }

    var rules = PlausibilityRules()
    var blocked: Set<String> = []
    /// The neighbour's profile service is not this node's: its profiles are refused.
    var refusesProfiles = false

    /// Reads, screens and verifies `wireRecords` (`unreadable` more could not be read at all).
    func check(
        _ wireRecords: [WireRecord], unreadable: Int = 0, nowMicros: Int64 = PlausibilityRules.nowMicros()
    )
        async -> (outcome: Screened, refusals: [(SyncRecord, RecordVerifier.Rejection)])
    {
        var read = Screened(rejected: unreadable > 0 ? ["malformed": unreadable] : [:])
        for wire in wireRecords {
            if let record = wire.record {
                read.accepted.append(record)
            } else {
                read.rejected["malformed", default: 0] += 1
            }
        }
        var screened = screen(read)
        let verified = await RecordVerifier.verify(batch: screened.accepted, rules: rules, nowMicros: nowMicros)
        screened.accepted = verified.accepted
        for (_, why) in verified.rejected { screened.rejected[why.reason, default: 0] += 1 }
        return (screened, verified.rejected)
    }

    /// Leaves out the records of blocked origins, and profiles while the realms differ. Also
    /// applied again to a batch checked ahead, since either may have changed meanwhile.
    func screen(_ outcome: Screened) -> Screened {
        var result = Screened(rejected: outcome.rejected)
        for record in outcome.accepted {
            if blocked.contains(record.origin) {
                result.rejected[RecordVerifier.Rejection.blockedOrigin.reason, default: 0] += 1
            } else if refusesProfiles, case .profile = record {
                result.rejected[Self.realmReason, default: 0] += 1
            } else {
                result.accepted.append(record)
            }
        }
        return result
    }
}
