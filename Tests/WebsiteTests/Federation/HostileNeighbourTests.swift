import AsyncHTTPClient
import FakeUpstream
import Foundation
import SyncProtocol
import Testing

@testable import Website

/// A neighbour that signs lies with keys of its own: nothing it sends may crash, corrupt or
/// flood a node; what it sends is rejected by reason, and an operator can block it.
@Suite struct HostileNeighbourTests {
    static func realm(_ upstream: String) -> String { AppConfiguration.realm(of: upstream) }

    static func rejections(_ node: TestNode, from neighbour: String) async throws -> [String: Int64] {
        let text =
            try await TestDatabase.scalar(
                node.database,
                "SELECT coalesce(string_agg(reason || '=' || total, ',' ORDER BY reason), '') FROM rejections WHERE neighbour = \(neighbour)",
                as: String.self) ?? ""
        var result: [String: Int64] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=")
            result[String(parts[0])] = Int64(parts[1])
        }
        return result
    }

    static func counts(_ node: TestNode) async throws -> String {
        try await TestDatabase.scalar(
            node.database,
            "SELECT coalesce(string_agg(name_key || '=' || count, ',' ORDER BY name_key, count), '') FROM lookup_counts",
            as: String.self) ?? ""
    }

    static func temporaryFile() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("blocklist-\(UUID().uuidString)").path
        try "".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func overflowingFutureAndPastRecordsAreRejectedAndPagesStayUp() async throws {
        try await withFakeUpstream { upstream in
            let hostile = HostileNeighbour(upstreamRealm: Self.realm(upstream))
            let (liar1, liar2) = (NodeIdentity.generate(), NodeIdentity.generate())
            let now = HostileNeighbour.now
            hostile.append([
                liar1.sign(
                    CountRecord(origin: liar1.nodeID, nameKey: "notch", count: 1 << 62, lastLookupAtMicros: now)),
                liar2.sign(
                    CountRecord(origin: liar2.nodeID, nameKey: "notch", count: 1 << 62, lastLookupAtMicros: now)),
                liar1.sign(
                    ProfileRecord(
                        nameKey: "notch", displayName: "Notch", uuid: FakePlayers.uuid(for: "jeb_"),
                        resolvedAtMicros: 7_226_582_400_000_000, origin: liar1.nodeID,
                        avatarSHA256: String(repeating: "e", count: 64))),  // 2199
                liar2.sign(
                    CountRecord(origin: liar2.nodeID, nameKey: "old", count: 3, lastLookupAtMicros: 946_684_800_000_000)
                ),
                liar2.sign(CountRecord(origin: liar2.nodeID, nameKey: "honest", count: 4, lastLookupAtMicros: now)),
            ])
            try await hostile.run { url in
                try await withNodes([[:]], upstream: upstream) { nodes in
                    let b = nodes[0]
                    try "\(url)\n".write(toFile: b.peersFile, atomically: true, encoding: .utf8)
                    #expect(
                        try await eventually {
                            try await Self.rejections(b, from: hostile.nodeID)
                                == ["count_too_large": 2, "future_time": 1, "past_time": 1]
                        })
                    #expect(try await Self.counts(b) == "honest=4")
                    #expect(
                        try await TestDatabase.scalar(b.database, "SELECT count(*) FROM profiles", as: Int64.self) == 0)
                    // Pages and the API answer; Notch is the upstream's Notch.
                    #expect(try await fetch("\(b.url)/").status == 200)
                    let page = try await fetch("\(b.url)/heads/Notch")
                    #expect(page.status == 200)
                    let api = try await fetch("\(b.url)/api/v1/heads/notch")
                    #expect(api.status == 200)
                    #expect(api.text.contains(FakePlayers.uuid(for: "notch")))
                    #expect(try await fetch("\(b.url)/federation").text.contains("count too large: 2"))
                    #expect(try await fetch("\(b.url)/metrics").text.contains("reason=\"future_time\""))
                }
            }
        }
    }

    @Test func aFloodOfNewOriginsPausesTheNeighbourWithoutLosingAnything() async throws {
        try await withFakeUpstream { upstream in
            let hostile = HostileNeighbour(upstreamRealm: Self.realm(upstream))
            let now = HostileNeighbour.now
            hostile.append(
                (0..<12).map { index in
                    let origin = NodeIdentity.generate()
                    return origin.sign(
                        CountRecord(
                            origin: origin.nodeID, nameKey: "flood\(index)", count: 1_000_000, lastLookupAtMicros: now))
                })
            try await hostile.run { url in
                try await withNodes([["SYNC_MAX_NEW_ORIGINS_PER_HOUR": "5"]], upstream: upstream) { nodes in
                    let b = nodes[0]
                    try "\(url)\n".write(toFile: b.peersFile, atomically: true, encoding: .utf8)
                    #expect(
                        try await eventually {
                            try await TestDatabase.scalar(
                                b.database, "SELECT state FROM peers WHERE node_id = \(hostile.nodeID)", as: String.self
                            )
                                == "limited"
                        })
                    #expect(
                        try await TestDatabase.scalar(b.database, "SELECT count(*) FROM lookup_counts", as: Int64.self)
                            == 5)
                    // The checkpoint stays at what was merged: the other seven are pulled once allowed.
                    #expect(
                        try await TestDatabase.scalar(
                            b.database, "SELECT checkpoint FROM peers WHERE node_id = \(hostile.nodeID)",
                            as: String.self)
                            == "1.5")
                    #expect(
                        try await TestDatabase.scalar(
                            b.database, "SELECT count(*) FROM origins WHERE first_neighbour = \(hostile.nodeID)",
                            as: Int64.self) == 5)
                    let page = try await fetch("\(b.url)/federation").text
                    #expect(page.contains("limited") && page.contains("SYNC_MAX_NEW_ORIGINS_PER_HOUR"))
                    #expect(try await fetch("\(b.url)/").status == 200)
                }
            }
        }
    }

    @Test func equalKeyConflictsResolveTheSameWayWhateverTheOrder() async throws {
        try await withFakeUpstream { upstream in
            let liar = NodeIdentity.generate()
            let now = HostileNeighbour.now
            let avatar = String(repeating: "d", count: 64)
            let lies = ["Notch", "NOTCH", "nOtCh"].flatMap { display in
                ["jeb_", "dinnerbone"].map { other in
                    liar.sign(
                        ProfileRecord(
                            nameKey: "notch", displayName: display, uuid: FakePlayers.uuid(for: other),
                            resolvedAtMicros: now, origin: liar.nodeID, avatarSHA256: avatar))
                }
            }
            let forward = HostileNeighbour(name: "forward", upstreamRealm: Self.realm(upstream))
            let backward = HostileNeighbour(name: "backward", upstreamRealm: Self.realm(upstream))
            forward.append(lies)
            backward.append(lies.reversed())
            try await forward.run { forwardURL in
                try await backward.run { backwardURL in
                    // One record per batch: the SQL merge, not the in-batch rule, picks each winner.
                    try await withNodes([["SYNC_BATCH_SIZE": "1"], ["SYNC_BATCH_SIZE": "1"]], upstream: upstream) {
                        nodes in
                        try "\(forwardURL)\n".write(toFile: nodes[0].peersFile, atomically: true, encoding: .utf8)
                        try "\(backwardURL)\n".write(toFile: nodes[1].peersFile, atomically: true, encoding: .utf8)
                        for (node, neighbour) in [(nodes[0], forward.nodeID), (nodes[1], backward.nodeID)] {
                            #expect(
                                try await eventually {
                                    try await TestDatabase.scalar(
                                        node.database, "SELECT checkpoint FROM peers WHERE node_id = \(neighbour)",
                                        as: String.self) == "1.6"
                                })
                        }
                        let expected = MergeBatch(lies).profiles.keys.first!
                        for node in nodes {
                            let stored = try await TestDatabase.scalar(
                                node.database,
                                "SELECT display_name || ' ' || uuid FROM profiles WHERE name_key = 'notch'",
                                as: String.self)
                            #expect(stored == "\(expected.displayName) \(expected.uuid)")
                        }
                    }
                }
            }
        }
    }

    @Test func blockingAnOriginAndANeighbourPurgesAndEndsTheRelay() async throws {
        try await withFakeUpstream { upstream in
            let hostile = HostileNeighbour(upstreamRealm: Self.realm(upstream))
            let liar = NodeIdentity.generate()
            let now = HostileNeighbour.now
            hostile.append([
                liar.sign(CountRecord(origin: liar.nodeID, nameKey: "spam", count: 50, lastLookupAtMicros: now)),
                liar.sign(
                    ProfileRecord(
                        nameKey: "spam", displayName: "Spam", uuid: FakePlayers.uuid(for: "spam"),
                        resolvedAtMicros: now,
                        origin: liar.nodeID, avatarSHA256: nil)),
                hostile.identity.sign(
                    CountRecord(origin: hostile.nodeID, nameKey: "first", count: 1, lastLookupAtMicros: now)),
            ])
            let blocklist = try Self.temporaryFile()
            try await hostile.run { url in
                try await withNodes([["BLOCKLIST_FILE": blocklist], [:]], upstream: upstream) { nodes in
                    let (b, c) = (nodes[0], nodes[1])
                    _ = try await fetch("\(b.url)/heads/alice")  // honest data, which must stay
                    try "\(url)\n".write(toFile: b.peersFile, atomically: true, encoding: .utf8)
                    try c.connect(to: [b])
                    #expect(try await eventually { try await Self.counts(c) == "alice=1,first=1,spam=50" })

                    // Block the liar: B purges it, rejects its new records and relays nothing of them.
                    try "# spammer\n\(liar.nodeID)\n".write(toFile: blocklist, atomically: true, encoding: .utf8)
                    #expect(try await eventually { try await Self.counts(b) == "alice=1,first=1" })
                    #expect(
                        try await TestDatabase.scalar(
                            b.database, "SELECT count(*) FROM profiles WHERE origin = \(liar.nodeID)", as: Int64.self)
                            == 0)
                    hostile.append([
                        liar.sign(
                            CountRecord(origin: liar.nodeID, nameKey: "spam", count: 90, lastLookupAtMicros: now + 1)),
                        hostile.identity.sign(
                            CountRecord(origin: hostile.nodeID, nameKey: "second", count: 1, lastLookupAtMicros: now)),
                    ])
                    #expect(try await eventually { try await Self.counts(c).contains("second=1") })
                    #expect(try await Self.counts(c) == "alice=1,first=1,second=1,spam=50")
                    #expect(try await Self.rejections(b, from: hostile.nodeID)["blocked_origin"] == 1)
                    let page = try await fetch("\(b.url)/federation").text
                    #expect(page.contains(liar.nodeID) && page.contains("Purged"))
                    #expect(try await fetch("\(b.url)/metrics").text.contains("heads_purged_counts_total 1"))

                    // Block the neighbour itself: pulling stops and what only it introduced is purged.
                    try "\(liar.nodeID)\n\(hostile.nodeID)\n".write(
                        toFile: blocklist, atomically: true, encoding: .utf8)
                    #expect(try await eventually { try await Self.counts(b) == "alice=1" })
                    #expect(
                        try await eventually {
                            try await TestDatabase.scalar(
                                b.database, "SELECT state FROM peers WHERE node_id = \(hostile.nodeID)", as: String.self
                            )
                                == "blocked"
                        })
                    #expect(try await fetch("\(b.url)/heads/alice").status == 200)
                    #expect(try await fetch("\(b.url)/").status == 200)
                }
            }
        }
    }

    /// A neighbour naming `realm` that serves a profile of notch and a count of 2 for it.
    static func neighbourServingNotch(name: String, realm: String?) -> HostileNeighbour {
        let neighbour = HostileNeighbour(name: name, upstreamRealm: realm)
        let now = HostileNeighbour.now
        neighbour.append([
            neighbour.identity.sign(
                ProfileRecord(
                    nameKey: "notch", displayName: "Notch", uuid: FakePlayers.uuid(for: "notch"),
                    resolvedAtMicros: now, origin: neighbour.nodeID, avatarSHA256: nil)),
            neighbour.identity.sign(
                CountRecord(origin: neighbour.nodeID, nameKey: "notch", count: 2, lastLookupAtMicros: now)),
        ])
        return neighbour
    }

    @Test func aNeighbourOfAnotherUpstreamHasItsProfilesRefused() async throws {
        try await withFakeUpstream { upstream in
            let offline = Self.neighbourServingNotch(name: "offline", realm: "http://fake-upstream:8090")
            try await offline.run { url in
                try await withNodes([[:]], upstream: upstream) { nodes in
                    let b = nodes[0]
                    try "\(url)\n".write(toFile: b.peersFile, atomically: true, encoding: .utf8)
                    #expect(try await eventually { try await Self.counts(b) == "notch=2" })
                    #expect(try await Self.rejections(b, from: offline.nodeID) == ["upstream_realm": 1])
                    #expect(
                        try await TestDatabase.scalar(b.database, "SELECT count(*) FROM profiles", as: Int64.self) == 0)
                    let page = try await fetch("\(b.url)/federation").text
                    #expect(page.contains("profiles refused") && page.contains("http://fake-upstream:8090"))
                    // Counts without a profile: still answered by the API and listed on the front page.
                    let api = try await fetch("\(b.url)/api/v1/heads/notch")
                    #expect(api.status == 200)
                    let head = try JSONSerialization.jsonObject(with: Data(api.body)) as? [String: Any]
                    #expect(head?["totalCount"] as? Int == 2 && head?["uuid"] == nil)
                    #expect(try await fetch("\(b.url)/").text.contains(">notch</span>"))
                    #expect(try await fetch("\(b.url)/api/v1/heads/nobody").status == 404)
                }
            }
        }
    }

    /// A profile refused because the neighbour's realm differed is pulled again once the realm
    /// matches (the neighbour was upgraded or reconfigured): nothing refused for a reason that
    /// cleared stays lost, although the checkpoint had moved past it.
    @Test func aProfileRefusedForItsRealmArrivesOnceTheRealmMatches() async throws {
        try await withFakeUpstream { upstream in
            let neighbour = Self.neighbourServingNotch(name: "upgrading", realm: "http://fake-upstream:8090")
            try await neighbour.run { url in
                try await withNodes([fastSync], upstream: upstream) { nodes in
                    let b = nodes[0]
                    try "\(url)\n".write(toFile: b.peersFile, atomically: true, encoding: .utf8)
                    #expect(try await eventually { try await Self.counts(b) == "notch=2" })
                    #expect(try await Self.rejections(b, from: neighbour.nodeID) == ["upstream_realm": 1])
                    neighbour.upstreamRealm = Self.realm(upstream)
                    #expect(
                        try await eventually {
                            try await TestDatabase.scalar(b.database, "SELECT count(*) FROM profiles", as: Int64.self)
                                == 1
                        })
                    let fromTheBeginning = { neighbour.requestedPositions.filter { $0 == "0" }.count }
                    #expect(fromTheBeginning() == 2)

                    // It flips again, and serves a profile meanwhile: refused, and not pulled again
                    // from the beginning when the realm matches once more, since the last such
                    // pull is less than ten minutes old (the refused profile waits for the next).
                    neighbour.upstreamRealm = "http://fake-upstream:8090"
                    #expect(try await eventually { try await Self.stateReason(b, neighbour.nodeID) != nil })
                    neighbour.append([
                        neighbour.identity.sign(
                            ProfileRecord(
                                nameKey: "jeb_", displayName: "jeb_", uuid: FakePlayers.uuid(for: "jeb_"),
                                resolvedAtMicros: HostileNeighbour.now, origin: neighbour.nodeID, avatarSHA256: nil))
                    ])
                    #expect(
                        try await eventually {
                            try await Self.rejections(b, from: neighbour.nodeID) == ["upstream_realm": 2]
                        })
                    neighbour.upstreamRealm = Self.realm(upstream)
                    #expect(try await eventually { try await Self.stateReason(b, neighbour.nodeID) == nil })
                    // Two more rounds after the realm matched: a restart would have asked for "0".
                    let asked = neighbour.requestedPositions.count
                    #expect(try await eventually { neighbour.requestedPositions.count >= asked + 2 })
                    #expect(fromTheBeginning() == 2)
                }
            }
        }
    }

    /// Why the node's federation page says the neighbour is in its state, if it says anything.
    static func stateReason(_ node: TestNode, _ neighbour: String) async throws -> String? {
        try await TestDatabase.scalar(
            node.database, "SELECT state_reason FROM peers WHERE node_id = \(neighbour)", as: String?.self) ?? nil
    }

    /// A neighbour that names no realm (a release before 0.2.0) is taken to use the default
    /// profile service: a default-configured node keeps its profiles; another refuses them.
    @Test func aNeighbourNamingNoRealmIsTakenAsTheDefaultService() async throws {
        try await withFakeUpstream { upstream in
            let old = HostileNeighbour(name: "old", upstreamRealm: nil)
            let now = HostileNeighbour.now
            old.append([
                old.identity.sign(
                    ProfileRecord(
                        nameKey: "jeb_", displayName: "Jeb_", uuid: FakePlayers.uuid(for: "jeb_"),
                        resolvedAtMicros: now, origin: old.nodeID, avatarSHA256: nil))
            ])
            try await old.run { url in
                let defaultRealm = ["UPSTREAM_REALM": AppConfiguration.realm(of: AppConfiguration.defaultMojangAPIURL)]
                try await withNodes([defaultRealm.merging(fastSync) { a, _ in a }, fastSync], upstream: upstream) {
                    nodes in
                    for node in nodes {
                        try "\(url)\n".write(toFile: node.peersFile, atomically: true, encoding: .utf8)
                    }
                    #expect(
                        try await eventually {
                            try await TestDatabase.scalar(
                                nodes[0].database, "SELECT count(*) FROM profiles", as: Int64.self) == 1
                        })
                    #expect(
                        try await eventually {
                            try await Self.rejections(nodes[1], from: old.nodeID) == ["upstream_realm": 1]
                        })
                }
            }
        }
    }

    /// A newer neighbour's record of a kind this version does not know is skipped quietly: not
    /// counted as malformed, and the rest of its batch is merged.
    @Test func aRecordOfAnUnknownKindIsSkippedQuietly() async throws {
        try await withFakeUpstream { upstream in
            let newer = HostileNeighbour(name: "newer", upstreamRealm: Self.realm(upstream))
            let count = newer.identity.sign(
                CountRecord(origin: newer.nodeID, nameKey: "alex", count: 4, lastLookupAtMicros: HostileNeighbour.now))
            var vote = WireRecord(count)
            vote.kind = "vote"
            newer.append(wire: [vote])
            newer.append([count])
            try await newer.run { url in
                try await withNodes([fastSync], upstream: upstream) { nodes in
                    let b = nodes[0]
                    try "\(url)\n".write(toFile: b.peersFile, atomically: true, encoding: .utf8)
                    #expect(try await eventually { try await Self.counts(b) == "alex=4" })
                    #expect(try await Self.rejections(b, from: newer.nodeID) == [:])
                }
            }
        }
    }

    /// Digests that lie (ranges that always differ, counts that do not add up, ranges outside the
    /// one asked) cost at most the round's bound in requests, and the round fails.
    /// Either way of asking: one range per request, or many (`prefixes=`).
    @Test(arguments: HostileNeighbour.DigestLie.allCases, [false, true])
    func lyingDigestsCostABoundedNumberOfRequests(lie: HostileNeighbour.DigestLie, batches: Bool) async throws {
        let hostile = HostileNeighbour(upstreamRealm: nil, answersBatches: batches)
        hostile.digestLie = lie
        try await hostile.run { url in
            try await TestDatabase.withMigrated { _, database in
                let client = NeighbourClient(
                    httpClient: HTTPClient.shared, tlsClients: NeighbourTLSClients(additionalAuthorities: nil),
                    timeout: .seconds(10), maximumResponseBytes: 16 * 1024 * 1024)
                let reconciler = AntiEntropy(
                    neighbour: client, digests: DigestRepository(database: database), maximumMessages: 300)
                await #expect(throws: (any Error).self) {
                    _ = try await reconciler.reconcile(with: url, nodeID: hostile.nodeID) { _ in }
                }
                #expect(hostile.reconciliationRequestCount <= 300)
                if lie == .outsideRange { #expect(hostile.reconciliationRequestCount == 1) }
            }
        }
    }

    /// A failed anti-entropy round is said on the federation page; the feed is still pulled.
    @Test func lyingDigestsAreReportedOnTheFederationPage() async throws {
        try await withFakeUpstream { upstream in
            let hostile = HostileNeighbour(upstreamRealm: Self.realm(upstream))
            hostile.digestLie = .outsideRange
            let liar = NodeIdentity.generate()
            hostile.append([
                liar.sign(
                    CountRecord(
                        origin: liar.nodeID, nameKey: "stillpulled", count: 2, lastLookupAtMicros: HostileNeighbour.now)
                )
            ])
            try await hostile.run { url in
                try await withNodes([["ANTI_ENTROPY_INTERVAL_SECONDS": "1"]], upstream: upstream) { nodes in
                    let b = nodes[0]
                    try "\(url)\n".write(toFile: b.peersFile, atomically: true, encoding: .utf8)
                    #expect(
                        try await eventually(timeout: .seconds(30)) {
                            try await fetch("\(b.url)/federation").text.contains(
                                "anti-entropy: \(FailureCategory.of(NeighbourError.badDigests))")
                        })
                    #expect(try await b.total("stillpulled") == 2)
                }
            }
        }
    }
}
