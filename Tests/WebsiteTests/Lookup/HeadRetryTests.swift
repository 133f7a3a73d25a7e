import FakeUpstream
import Foundation
import SyncProtocol
import Testing

@testable import Website

/// ``HeadRetry``: an own profile saved while its head could not be fetched gets its head in the
/// background, without another visitor, and the feed (so every neighbour) serves it with the head.
/// Found by the nemesis (seed 105): a node's profile saved while the avatar service was down won
/// over the older ones, no node fetched the head again, and the nodes ended with different heads.
@Suite struct HeadRetryTests {
    @Test func aProfileSavedWithoutItsHeadGetsItOnceTheAvatarServiceAnswers() async throws {
        let url = try await TestDatabase.createMigrated()
        let avatarState = FakeUpstreamState(mode: .down)
        try await withFakeUpstream { profiles in
            try await withFakeUpstream(avatarState) { avatarService in
                let settings = [
                    "AVATAR_URL": "\(avatarService)/avatar", "HEAD_RETRY_INTERVAL_SECONDS": "1",
                    "UPSTREAM_FAILURE_MEMORY_SECONDS": "1",
                ]
                try await withNode(database: url, upstream: profiles, settings) { node in
                    // The page is served without a head; the stored profile names none.
                    #expect(try await fetch("\(node)/heads/hank").status == 200)
                    #expect(try await avatarOfProfile(url, "hank") == "")
                    #expect(avatarState.avatarRequests >= 1)

                    avatarState.mode = .normal
                    let expected = try HeadImage(validating: FakePlayers.headPNG(uuid: FakePlayers.uuid(for: "hank")))
                    #expect(try await eventually { try await avatarOfProfile(url, "hank") == expected.sha256 })
                    #expect(try await eventually { try await avatarInFeed(node, "hank") == expected.sha256 })
                    #expect(
                        try await fetch("\(node)/metrics").text.contains(
                            "heads_head_retries_total{outcome=\"fetched\"}"))

                    // A head the node holds for such a profile is published without asking the
                    // avatar service.
                    avatarState.mode = .down
                    #expect(try await fetch("\(node)/heads/ivan").status == 200)
                    #expect(try await avatarOfProfile(url, "ivan") == "")
                    let ivan = try HeadImage(validating: FakePlayers.headPNG(uuid: FakePlayers.uuid(for: "ivan")))
                    try await TestDatabase.withClient(url) { client in
                        try await HeadImageRepository(
                            database: Database(client: client, timeout: .seconds(10), logger: TestDatabase.logger)
                        )
                        .store(ivan, uuid: FakePlayers.uuid(for: "ivan"))
                    }
                    #expect(try await eventually { try await avatarInFeed(node, "ivan") == ivan.sha256 })
                    #expect(avatarState.mode == .down)
                }
            }
        }
    }

    /// A round is due at start (the database may hold headless profiles from before), then only
    /// after a mark: a node whose heads all arrive does not read its profiles every interval.
    @Test func aRoundIsDueAtStartAndAfterAMarkOnly() {
        let pending = HeadRetry.Pending()
        #expect(pending.take())
        #expect(!pending.take())
        pending.mark()
        pending.mark()
        #expect(pending.take())
        #expect(!pending.take())
    }

    /// The head the stored profile of `name` names ("" for none).
    private func avatarOfProfile(_ url: String, _ name: String) async throws -> String? {
        try await TestDatabase.scalar(
            url, "SELECT coalesce(avatar_sha256, '') FROM profiles WHERE name_key = \(name)", as: String.self)
    }

    /// The head the node's feed names for the profile of `name`.
    private func avatarInFeed(_ node: String, _ name: String) async throws -> String? {
        let body = try await fetch("\(node)/api/v1/changes?since=0&limit=5000").body
        let document = try JSONDecoder().decode(ChangesDocument.self, from: Data(body))
        return document.records.last { $0.kind == RecordKind.profile.rawValue && $0.name == name }?.avatarSha256
    }
}
