import Foundation
import Testing

@testable import Website

@Suite struct PeersDocumentTests {
    /// `/api/v1/peers` keeps 0.4.0's field names, whatever the storage rows are called: scripts
    /// and the nemesis read `peers[].state`, `nodeId` and the rest.
    @Test func theAnswerKeepsThePreviousVersionsFieldNames() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let document = PeersDocument(
            nodeId: "a", name: "alpha", addressesOfItself: [], peersListProblems: [],
            peers: [
                PeersDocument.Peer(
                    NeighbourRepository.Neighbour(
                        nodeId: "b", name: "beta", address: "http://b:8080", state: .idle, stateReason: nil,
                        checkpoint: "0", lastSuccessAt: now, lastError: "e", lastErrorAt: now, lag: 1, mergedTotal: 2,
                        rejectedTotal: 3, lastSeenAt: now))
            ],
            blocked: ["x"],
            rejections: [PeersDocument.Rejection(TrustRepository.Rejections(neighbour: "b", reason: "r", total: 4))],
            purges: [
                PeersDocument.Purge(
                    TrustRepository.Purge(
                        origin: "x", purgedAt: now, removed: [.count: 5, .profile: 6, .node: 7], reason: "blocked"))
            ])
        let json = try #require(
            try JSONSerialization.jsonObject(with: try JSONEncoder().encode(document)) as? [String: Any])
        #expect(
            Set(json.keys) == [
                "nodeId", "name", "addressesOfItself", "peersListProblems", "peers", "blocked", "rejections", "purges",
            ])
        let peer = try #require((json["peers"] as? [[String: Any]])?.first)
        #expect(
            Set(peer.keys) == [
                "nodeId", "name", "address", "state", "checkpoint", "lastSuccessAt", "lastError", "lastErrorAt", "lag",
                "mergedTotal", "rejectedTotal", "lastSeenAt",
            ])
        #expect(peer["state"] as? String == "idle")
        let rejection = try #require((json["rejections"] as? [[String: Any]])?.first)
        #expect(Set(rejection.keys) == ["neighbour", "reason", "total"])
        let purge = try #require((json["purges"] as? [[String: Any]])?.first)
        #expect(
            Set(purge.keys) == ["origin", "purgedAt", "countsRemoved", "profilesRemoved", "nodesRemoved", "reason"])
        #expect(purge["countsRemoved"] as? Int == 5 && purge["profilesRemoved"] as? Int == 6)
        #expect(purge["nodesRemoved"] as? Int == 7)
    }
}
