import SyncProtocol
import Synchronization

/// The digest buckets' record counts of recently asked ranges, kept for `maximumAge`: a records
/// request over the whole name space (or any wide range) is refused from these counts, and
/// scanners repeating it cost one read of the buckets per `maximumAge`, not one each. Concurrent
/// askers of one range share a read. A count at most `maximumAge` old only decides whether a range
/// is too large to answer at once; the records themselves are always read fresh.
final class BucketCountCache: Sendable {
    let maximumAge: Duration
    let capacity: Int
    private let kept = Mutex<[String: (count: Int64?, readAt: ContinuousClock.Instant)]>([:])
    private let reading = SingleFlight<String, Int64?>()

    init(maximumAge: Duration = .seconds(1), capacity: Int = 1000) {
        self.maximumAge = maximumAge
        self.capacity = capacity
    }

    func count(
        prefixes: [String], kinds: [RecordKind], read: @escaping @Sendable () async throws -> Int64?
    ) async throws -> Int64? {
        let key = kinds.map(\.rawValue).joined(separator: ",") + "|" + prefixes.joined(separator: ",")
        let now = ContinuousClock.now
        if let hit = kept.withLock({ $0[key] }), now - hit.readAt < maximumAge { return hit.count }
        let count = try await reading.run(key, read)
        kept.withLock { kept in
            if kept.count >= capacity { kept = kept.filter { now - $0.value.readAt < maximumAge } }
            if kept.count < capacity { kept[key] = (count, now) }
        }
        return count
    }
}
