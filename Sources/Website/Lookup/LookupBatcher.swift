/// Group commit of lookups (``GroupCommit``): concurrent cached-page lookups (any names, any
/// connections) are gathered while the previous batches are being written and written together,
/// in one statement and one transaction
/// (``LookupCountRepository/recordLookupsIfFresh(origin:nameKeys:maximumAge:)``). Each caller is
/// answered only after its batch committed, so an acknowledged lookup is durable and counted
/// exactly once; a batch that fails fails every caller in it. A lookup alone is written on its
/// caller's own task, so a quiet node answers as fast as without batching.
final class LookupBatcher: Sendable {
    typealias Answer = (Profile, [HeadCounts.NodeCount])?
    typealias Write = @Sendable ([String]) async throws -> [String: (Profile, [HeadCounts.NodeCount])]

    private let commit: GroupCommit<String, [String: (Profile, [HeadCounts.NodeCount])]>

    /// One batch in flight by default: on two cores, a second writer split the lookups into
    /// smaller batches and more commits for no gain (B1 at 64 connections 41 % → 46 % of
    /// `/healthz` with one, BENCHMARKS.md).
    init(tasks: BackgroundTasks, maximumInFlight: Int = 1, maximumBatch: Int = 1000, write: @escaping Write) {
        commit = GroupCommit(tasks: tasks, maximumInFlight: maximumInFlight, maximumBatch: maximumBatch, write: write)
    }

    /// The node's batcher: each batch is counted for the node (its identity read at each write:
    /// it is loaded at start-up, after the batcher is built) by
    /// ``LookupCountRepository/recordLookupsIfFresh(origin:nameKeys:maximumAge:)``, for the names
    /// whose stored profile is fresh under `profileCacheTime` and names its head.
    convenience init(
        tasks: BackgroundTasks, counts: LookupCountRepository, node: LocalNode, profileCacheTime: Duration
    ) {
        self.init(tasks: tasks) { nameKeys in
            try await counts.recordLookupsIfFresh(origin: node.id, nameKeys: nameKeys, maximumAge: profileCacheTime)
        }
    }

    /// Counts one lookup of `nameKey` when its stored profile is fresh and returns the profile and
    /// every origin's counter; nil (nothing counted) when there is no fresh profile.
    func recordLookup(nameKey: String) async throws -> Answer {
        try await commit.write(nameKey)[nameKey]
    }

    /// Lookups waiting for a writer (for tests).
    var waitingCount: Int { commit.waitingCount }
}
