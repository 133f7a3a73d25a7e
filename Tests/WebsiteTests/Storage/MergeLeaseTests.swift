import PostgresNIO
import SyncProtocol
import Testing

@testable import Website

/// A puller's merge is one statement that writes only while its replica holds the neighbour and
/// the stored checkpoint is the one it pulled from: otherwise nothing at all is written (no
/// record, origin, rejection or checkpoint) and it throws ``MergeRepository/LeaseLost``.
@Suite struct MergeLeaseTests {
    static let neighbour = "neighbour-node"

    /// A count and a rejection, as a batch from `neighbour` would bring them.
    static func merge(
        _ merger: MergeRepository, holder: String, after previous: String, to next: FeedPosition,
        name: String
    ) async throws -> MergeRepository.MergeCounts {
        let count = CountRecord(origin: "origin-x", nameKey: name, count: 3, lastLookupAtMicros: 1_700_000_000_000_000)
        let status = NeighbourRepository.BatchStatus(state: .idle, reason: nil, lag: 0, rejected: ["bad_signature": 2])
        return try await merger.merge(
            MergeBatch([.count(count, signature: "sig")]), from: neighbour, rejected: status.rejected,
            checkpoint: .init(position: next, status: status, holder: holder, previous: previous))
    }

    /// (counters, origins, rejections, checkpoint) as stored.
    static func state(_ connection: PostgresConnection) async throws -> (Int64, Int64, Int64, String) {
        let rows = try await connection.query(
            """
            SELECT (SELECT count(*) FROM lookup_counts), (SELECT count(*) FROM origins),
                   (SELECT coalesce(sum(total), 0)::int8 FROM rejections),
                   (SELECT checkpoint FROM peers WHERE node_id = \(neighbour))
            """, logger: TestDatabase.logger)
        for try await row in rows.decode((Int64, Int64, Int64, String).self) { return row }
        Issue.record("no row")
        return (-1, -1, -1, "")
    }

    @Test func writesOnlyWhileTheLeaseAndTheCheckpointHold() async throws {
        try await TestDatabase.withMigrated { client, database in
            let merger = MergeRepository(database: database)
            try await client.withConnection { connection in
                try await connection.query(
                    """
                    INSERT INTO peers (node_id, lease_holder, lease_until, checkpoint)
                    VALUES (\(Self.neighbour), 'replica-1', now() + interval '1 minute', '0')
                    """, logger: TestDatabase.logger)
                let first = FeedPosition(transaction: 900, sequence: 4)

                // Another replica's merge, and a merge from a checkpoint that moved: nothing written.
                await #expect(throws: MergeRepository.LeaseLost.self) {
                    try await Self.merge(
                        merger, holder: "replica-2", after: "0", to: first, name: "alice")
                }
                await #expect(throws: MergeRepository.LeaseLost.self) {
                    try await Self.merge(
                        merger, holder: "replica-1", after: "800.1", to: first, name: "alice")
                }
                #expect(try await Self.state(connection) == (0, 0, 0, "0"))

                // The holder, from the stored checkpoint: the record, its origin, the rejections
                // and the new checkpoint, together.
                let outcome = try await Self.merge(
                    merger, holder: "replica-1", after: "0", to: first, name: "alice")
                #expect(outcome.countsChanged == 1)
                #expect(try await Self.state(connection) == (1, 1, 2, "900.4"))

                // A lease that ran out (even with the holder's name on it) writes nothing.
                try await connection.query(
                    "UPDATE peers SET lease_until = now() - interval '1 second'", logger: TestDatabase.logger)
                await #expect(throws: MergeRepository.LeaseLost.self) {
                    try await Self.merge(
                        merger, holder: "replica-1", after: "900.4",
                        to: FeedPosition(transaction: 901, sequence: 1), name: "bob")
                }
                #expect(try await Self.state(connection) == (1, 1, 2, "900.4"))
            }
        }
    }
}
