import Testing

@testable import Website

/// Two replicas of one node on one database, many clients at once: no lookup is lost.
@Suite struct ConcurrentReplicaTests {
    @Test func twoReplicasSixteenClientsNoLostUpdates() async throws {
        let url = try await TestDatabase.create()
        let lookups = 2000
        let clients = 16
        try await withFakeUpstream { upstream in
            try await withNode(database: url, upstream: upstream) { first in
                try await withNode(database: url, upstream: upstream) { second in
                    try await withThrowingTaskGroup(of: Int.self) { group in
                        for client in 0..<clients {
                            let base = client.isMultiple(of: 2) ? first : second
                            group.addTask {
                                var ok = 0
                                for _ in 0..<(lookups / clients) {
                                    if try await fetch("\(base)/heads/steve").status == 200 { ok += 1 }
                                }
                                return ok
                            }
                        }
                        let served = try await group.reduce(0, +)
                        #expect(served == lookups)
                    }
                }
            }
        }
        let stored = try await TestDatabase.scalar(
            url, "SELECT count FROM lookup_counts WHERE name_key = 'steve'", as: Int64.self)
        #expect(stored == Int64(lookups))
    }
}
