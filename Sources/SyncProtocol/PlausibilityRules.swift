import Foundation

/// What a validly signed record may claim. Any key holder can sign anything, so a node bounds
/// what it stores: no time ahead of its own clock by more than ``futureTolerance`` (as Nostr
/// relays bound `created_at`), none before Minecraft existed, and no counter above
/// ``maximumCount``. Totals over origins are summed with ``total(_:)``, which saturates, so no
/// stored data can overflow a sum in Swift (SQL sums as `numeric` and clamps the same way).
public struct PlausibilityRules: Sendable, Equatable {
    /// The largest lookup count one origin may claim for one name: a thousand lookups a second
    /// for thirty years is under 10¹², and 10¹² × 9 million origins still fits an `Int64`.
    public static let maximumCount: Int64 = 1_000_000_000_000
    /// Minecraft's first public release (2009-05-17); nothing about a player is older.
    public static let earliestMicros: Int64 = 1_242_518_400_000_000
    public static let earliestYear = 2009

    /// How far ahead of this node's clock a record may be timed (`SYNC_FUTURE_TOLERANCE_SECONDS`).
    public var futureTolerance: Duration

    public init(futureTolerance: Duration = .seconds(300)) {
        self.futureTolerance = futureTolerance
    }

    /// Microseconds since 1970 now, the unit of record times.
    public static func nowMicros(_ date: Date = Date()) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    public func check(_ record: SyncRecord, nowMicros: Int64) throws(RecordVerifier.Rejection) {
        let time: Int64
        switch record {
        case .profile(let profile, _):
            time = profile.resolvedAtMicros
        case .count(let count, _):
            guard count.count <= Self.maximumCount else { throw .countTooLarge }
            time = count.lastLookupAtMicros
        case .node(let node, _):
            time = node.recordedAtMicros
        }
        guard time >= Self.earliestMicros else { throw .tooOld }
        let toleranceMicros = futureTolerance.wholeNanoseconds / 1000
        guard time <= nowMicros.addingReportingOverflow(toleranceMicros).partialValue else { throw .fromTheFuture }
    }

    /// The sum of counts, saturating at `Int64.max` instead of trapping.
    public static func total(_ counts: some Sequence<Int64>) -> Int64 {
        var sum: Int64 = 0
        for count in counts {
            let (next, overflow) = sum.addingReportingOverflow(max(0, count))
            if overflow { return .max }
            sum = next
        }
        return sum
    }
}
