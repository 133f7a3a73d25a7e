import PostgresNIO
import SyncProtocol
import Testing

@testable import Website

@Suite struct NodeIdentityRaceTests {
    /// Two replicas creating the identity at once: the second one's insert waits for the first
    /// one's to commit and then yields to it, while its statement's snapshot, taken before that
    /// commit, cannot see the row. It still returns the first one's identity (a second statement
    /// reads it) instead of failing start-up. The interleaving is forced: the first insert stays
    /// uncommitted until the test sees the second one wait for it.
    @Test func anIdentityCommittedWhileTheInsertWaitedIsReadBack() async throws {
        try await TestDatabase.withMigrated { client, _ in
            let first = NodeIdentity.generate()
            let repository = NodeIdentityRepository(client: client, logger: TestDatabase.logger)
            let loaded = try await client.withConnection { other in
                try await other.query("BEGIN", logger: TestDatabase.logger)
                try await other.query(
                    """
                    INSERT INTO node_identity (singleton, node_id, private_key)
                    VALUES (true, \(first.nodeID), \(ByteBuffer(bytes: first.rawPrivateKey)))
                    """, logger: TestDatabase.logger)
                async let second = repository.loadOrCreate()
                let waiting = try await eventually {
                    var count: Int64 = 0
                    for try await value in try await client.query(
                        """
                        SELECT count(*) FROM pg_stat_activity
                        WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO node_identity%ON CONFLICT%'
                          AND datname = current_database()
                        """
                    ).decode(Int64.self) {
                        count = value
                    }
                    return count == 1
                }
                #expect(waiting, "the second insert waits for the first")
                try await other.query("COMMIT", logger: TestDatabase.logger)
                return try await second
            }
            #expect(loaded.nodeID == first.nodeID)
        }
    }
}
