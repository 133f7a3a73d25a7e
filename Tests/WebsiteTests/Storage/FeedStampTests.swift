import FakeUpstream
import Foundation
import PostgresNIO
import SyncProtocol
import Testing

@testable import Website

/// The feed's re-stamp rule (``FeedStamp``) reaches every write: each write path of each record
/// kind, given a row that is already in the feed and signed, puts the new content at the feed's
/// end, unsigned when this node wrote it and with the neighbour's signature when merged. A write
/// that kept the row's old place in the feed, or its old signature, fails here.
///
/// The feed serves a change only once every older transaction of the cluster has ended, so each
/// step waits for the change it expects; the steps write distinct contents, so a change is never
/// taken for another.
@Suite struct FeedStampTests {
    static let uuid = "0123456789abcdef0123456789abcdef"
    static let base: Int64 = 1_800_000_000_000_000  // micros, 2027: newer than anything seeded with now()

    @Test func everyWritePathMovesItsRowToTheFeedsEnd() async throws {
        try await TestDatabase.withMigrated { _, database in
            let feed = ChangesFeed(database: database)
            let counts = LookupCountRepository(database: database)
            let profiles = ProfileRepository(database: database)
            let nodes = NodeRecordRepository(database: database)
            let merger = MergeRepository(database: database)
            func merge(_ record: SyncRecord) async throws {
                _ = try await merger.merge(MergeBatch([record]), from: "neighbour", rejected: [:])
            }
            func profile(_ name: String, _ display: String, micros: Int64) -> SyncRecord {
                .profile(
                    ProfileRecord(
                        nameKey: name, displayName: display, uuid: Self.uuid, resolvedAtMicros: micros,
                        origin: "neighbour", avatarSHA256: nil), signature: "merged")
            }
            func node(_ name: String, micros: Int64) -> SyncRecord {
                .node(
                    NodeRecord(
                        origin: "neighbour", name: name, url: nil, softwareVersion: "0.4.0", recordedAtMicros: micros),
                    signature: "merged")
            }
            func count(_ value: Int64) -> SyncRecord {
                .count(
                    CountRecord(
                        origin: "neighbour", nameKey: "carol", count: value, lastLookupAtMicros: Self.base + value),
                    signature: "merged")
            }
            // One row of each kind and origin, own rows written as the node writes them.
            try await database.execute(
                """
                INSERT INTO profiles (name_key, display_name, uuid, resolved_at, origin, avatar_sha256)
                VALUES ('alice', 'Alice', \(Self.uuid), now(), 'own', \(String(repeating: "a", count: 64)))
                """)
            _ = try await counts.recordLookup(origin: "own", nameKey: "alice")
            try await nodes.publish(origin: "own", name: "node-a", url: nil, softwareVersion: "0.4.0")
            try await merge(profile("dave", "Dave", micros: Self.base))
            try await merge(count(1))
            try await merge(node("north", micros: Self.base))

            // The steps read the feed after the seeds' own changes.
            var seeded: [ChangesFeed.Change] = []
            #expect(
                try await eventually(timeout: .seconds(10)) {
                    seeded = try await feed.changes(after: .beginning, limit: 1000).changes
                    return seeded.count == 6
                })
            var mark = try #require(seeded.last?.position)
            /// Signs every row as served (quietly, as storing own signatures does), writes, then
            /// waits for the feed after the last step's change to hold the one `expected` picks.
            func step(
                _ path: String, write: () async throws -> Void, expected: @escaping (ChangesFeed.Change) -> Bool
            ) async throws {
                for table in RecordKind.allCases.map(\.traits.table) {
                    try await database.execute(PostgresQuery(unsafeSQL: "UPDATE \(table) SET signature = 'old'"))
                }
                try await write()
                var found: ChangesFeed.Change?
                let moved = try await eventually(timeout: .seconds(10)) {
                    found = try await feed.changes(after: mark, limit: 1000).changes.first(where: expected)
                    return found != nil
                }
                #expect(moved, "\(path): the written row is not at the feed's end, or kept its old signature")
                if let found { mark = found.position }
            }

            try await step(
                "recordLookup", write: { _ = try await counts.recordLookup(origin: "own", nameKey: "alice") }
            ) {
                $0.count?.count == 2 && $0.count?.origin == "own" && $0.signature == nil
            }
            try await step(
                "recordLookupsIfFresh",
                write: {
                    _ = try await counts.recordLookupsIfFresh(
                        origin: "own", nameKeys: ["alice", "alice"], maximumAge: .seconds(3600))
                }
            ) { $0.count?.count == 4 && $0.count?.origin == "own" && $0.signature == nil }
            try await step(
                "ProfileRepository.save",
                write: {
                    try await profiles.save(
                        Profile(
                            nameKey: "alice", displayName: "ALICE", uuid: Self.uuid,
                            resolvedAt: Date().addingTimeInterval(60), origin: "own", avatarSHA256: nil))
                }
            ) { $0.profile?.displayName == "ALICE" && $0.signature == nil }
            try await step(
                "ProfileRepository.save counting a lookup",
                write: {
                    let saved = try await profiles.save(
                        Profile(
                            nameKey: "alice", displayName: "Alice", uuid: Self.uuid,
                            resolvedAt: Date().addingTimeInterval(120), origin: "own", avatarSHA256: nil),
                        countingLookupBy: "own")
                    #expect(saved.counts.map(\.count) == [5])
                }
            ) { $0.count?.count == 5 && $0.count?.origin == "own" && $0.signature == nil }
            let head = String(repeating: "b", count: 64)
            try await step(
                "ProfileRepository.setAvatar",
                write: { try await profiles.setAvatar(uuid: Self.uuid, sha256: head, origin: "own") }
            ) { $0.profile?.nameKey == "alice" && $0.profile?.avatarSHA256 == head && $0.signature == nil }
            let avatars = HeadImageRepository(database: database)
            let image = try HeadImage(validating: FakePlayers.headPNG(uuid: Self.uuid))
            try await step(
                "HeadImageRepository.storeOwn",
                write: { try await avatars.storeOwn(image, uuid: Self.uuid, origin: "own") }
            ) { $0.profile?.nameKey == "alice" && $0.profile?.avatarSHA256 == image.sha256 && $0.signature == nil }
            try await step(
                "ProfileRepository.publishLinkedHeads",
                write: {
                    // The profile lost its head in a write that is no write path (the feed keeps
                    // its place); publishing the linked head moves it.
                    try await database.execute("UPDATE profiles SET avatar_sha256 = NULL WHERE name_key = 'alice'")
                    #expect(try await profiles.publishLinkedHeads(origin: "own") == 1)
                }
            ) { $0.profile?.nameKey == "alice" && $0.profile?.avatarSHA256 == image.sha256 && $0.signature == nil }
            try await step(
                "NodeRecordRepository.publish",
                write: { try await nodes.publish(origin: "own", name: "node-a2", url: nil, softwareVersion: "0.4.0") }
            ) { $0.node?.name == "node-a2" && $0.signature == nil }
            try await step("merge, a count", write: { try await merge(count(5)) }) {
                $0.count?.count == 5 && $0.signature == "merged"
            }
            try await step(
                "merge, a profile", write: { try await merge(profile("dave", "DAVE", micros: Self.base + 1)) }
            ) {
                $0.profile?.displayName == "DAVE" && $0.signature == "merged"
            }
            try await step("merge, a node", write: { try await merge(node("south", micros: Self.base + 1)) }) {
                $0.node?.name == "south" && $0.signature == "merged"
            }
        }
    }
}
