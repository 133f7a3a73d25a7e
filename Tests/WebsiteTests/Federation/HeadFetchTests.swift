import FakeUpstream
import Foundation
import SyncProtocol
import Testing

@testable import Website

/// Heads travel by hash a hop behind the profiles that name them, so a neighbour may not have a
/// head yet when asked for it: the node asks again, without waiting for more of its feed.
@Suite struct HeadFetchTests {
    /// A neighbour whose feed holds a profile of `name` naming its head, and which refuses the
    /// first `refusals` requests for that head; caught-up long-polls are held 5 s. `upstream`: the
    /// fake upstream's URL, whose realm it names.
    static func neighbourServingAHead(
        name: String, realm upstream: String, refusals: Int
    ) -> (HostileNeighbour, sha256: String) {
        let neighbour = HostileNeighbour(upstreamRealm: AppConfiguration.realm(of: upstream), longPollHold: 5)
        let uuid = FakePlayers.uuid(for: name)
        let png = FakePlayers.headPNG(uuid: uuid)
        let sha256 = HeadImage.hash(png)
        neighbour.append([
            neighbour.identity.sign(
                ProfileRecord(
                    nameKey: name, displayName: name, uuid: uuid, resolvedAtMicros: HostileNeighbour.now,
                    origin: neighbour.nodeID, avatarSHA256: sha256))
        ])
        neighbour.offerHead(png, refusals: refusals)
        return (neighbour, sha256)
    }

    @Test func aHeadTheNeighbourCouldNotGiveAtFirstIsAskedForAgain() async throws {
        try await withFakeUpstream { upstream in
            // Caught-up long-polls are held 5 s: a sweep (every 20 rounds) would come only after
            // 100 s, far beyond this test's wait, so only a retry can fetch the head in time.
            // The first request is refused, as by a neighbour still fetching the head itself.
            let (neighbour, sha256) = Self.neighbourServingAHead(name: "alice", realm: upstream, refusals: 1)
            try await neighbour.run { url in
                try await withNodes([[:]], upstream: upstream) { nodes in
                    let b = nodes[0]
                    try "\(url)\n".write(toFile: b.peersFile, atomically: true, encoding: .utf8)
                    // 60 s: room for discovery and the first pull on a machine running the whole
                    // suite (10 s failed there), still well before a sweep could fetch it.
                    #expect(
                        try await eventually(timeout: .seconds(60)) {
                            try await fetch("\(b.url)/api/v1/avatars/\(sha256)").status == 200
                        })
                    #expect(neighbour.requestedHeads == [sha256, sha256])
                }
            }
        }
    }

    /// A head whose every fetch failed (the neighbour refused the first and the three retries, as
    /// during a partition) is asked for again by the next anti-entropy round's sweep, not only
    /// every 20th pull round, which an idle feed reaches after 20 long-polls (100 s here). Found by
    /// nemesis seeds 111 and 116: a node wiped and cut off while re-pulling lacked 209 heads 180 s
    /// after the heal.
    @Test func aHeadWhoseFetchesAllFailedArrivesWithTheNextRepairRound() async throws {
        try await withFakeUpstream { upstream in
            let (neighbour, sha256) = Self.neighbourServingAHead(name: "bob", realm: upstream, refusals: 4)
            try await neighbour.run { url in
                try await withNodes([["ANTI_ENTROPY_INTERVAL_SECONDS": "3"]], upstream: upstream) { nodes in
                    let b = nodes[0]
                    try "\(url)\n".write(toFile: b.peersFile, atomically: true, encoding: .utf8)
                    // The first request and its three retries, all refused.
                    #expect(try await eventually(timeout: .seconds(60)) { neighbour.requestedHeads.count >= 4 })
                    // Then a repair round's sweep (every 3 s) well within 20 s; a pull round's
                    // sweep would come only after 20 long-polls of 5 s.
                    #expect(
                        try await eventually(timeout: .seconds(20)) {
                            try await fetch("\(b.url)/api/v1/avatars/\(sha256)").status == 200
                        })
                }
            }
        }
    }
}
