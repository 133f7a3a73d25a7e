import Testing

@testable import Website

/// A neighbour whose database was wiped comes back under its name as a new node id; the old id is
/// marked removed, not left in its last state for good (the nemesis found such ghosts shown as
/// "error" on federation pages, seed 102). A neighbour that is only unreachable is left alone.
@Suite struct NeighbourReplacementTests {
    @Test func anIdentityReplacedUnderItsNameIsRemovedAndOthersAreLeftAlone() async throws {
        try await TestDatabase.withMigrated { _, database in
            let neighbours = NeighbourRepository(database: database)
            try await neighbours.found(nodeID: "old-c", name: "website-c", address: "http://website-c:8080")
            try await neighbours.recordState(nodeID: "old-c", state: .error, error: "address now serves node new-c…")
            try await neighbours.found(nodeID: "new-c", name: "website-c", address: "http://website-c:8080")
            try await neighbours.recordState(nodeID: "new-c", state: .idle)
            try await neighbours.found(nodeID: "away-b", name: "website-b", address: "http://website-b:8080")
            try await neighbours.recordState(nodeID: "away-b", state: .error, error: "connection refused")
            try await neighbours.found(nodeID: "blocked-d", name: "website-c", address: "http://website-c:8080")
            try await neighbours.recordState(nodeID: "blocked-d", state: .blocked)

            // A round that found the new identity (and still lists the unreachable one).
            try await neighbours.markReplaced(found: ["new-c", "away-b"])
            // Again: nothing changes a second time.
            try await neighbours.markReplaced(found: ["new-c", "away-b"])
            // A round that found nothing changes nothing.
            try await neighbours.markReplaced(found: [])

            let states = Dictionary(uniqueKeysWithValues: try await neighbours.all().map { ($0.nodeId, $0) })
            #expect(states["old-c"]?.state == .removed)
            #expect(states["old-c"]?.stateReason == NeighbourRepository.replacedReason)
            #expect(states["new-c"]?.state == .idle)
            #expect(states["away-b"]?.state == .error)
            #expect(states["blocked-d"]?.state == .blocked)
        }
    }
}
