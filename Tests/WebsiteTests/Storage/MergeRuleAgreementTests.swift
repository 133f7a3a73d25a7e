import PostgresNIO
import SyncProtocol
import Testing

@testable import Website

/// The merge rule is written twice, in Swift (``ProfileRecord/wins(over:)`` and its siblings,
/// which pick a batch's winners) and in SQL (``MergeRepository``, which decides against the stored
/// row). Random conflicting records, merged one statement at a time in random order, must leave
/// exactly the Swift rule's winners in the database. Few names, origins and times, so that ties
/// on each part of the rule come up often; a failure prints the records.
@Suite struct MergeRuleAgreementTests {
    static let origins = ["origin-a", "origin-b", "origin-c"]
    static let names = ["ann", "bob"]
    static let base: Int64 = 1_700_000_000_000_000

    static func randomProfile() -> ProfileRecord {
        ProfileRecord(
            nameKey: names.randomElement()!, displayName: ["Ann", "ANN", "Bob"].randomElement()!,
            uuid: String(repeating: ["1", "2"].randomElement()!, count: 32),
            resolvedAtMicros: base + .random(in: 0...2),
            origin: origins.randomElement()!,
            avatarSHA256: [nil, String(repeating: "a", count: 64), String(repeating: "b", count: 64)].randomElement()!)
    }

    static func randomCount() -> CountRecord {
        CountRecord(
            origin: origins.randomElement()!, nameKey: names.randomElement()!, count: .random(in: 1...3),
            lastLookupAtMicros: base + .random(in: 0...2))
    }

    static func randomNode() -> NodeRecord {
        NodeRecord(
            origin: origins.randomElement()!, name: ["north", "south"].randomElement()!,
            url: [nil, "http://a.example"].randomElement()!, softwareVersion: ["0.2.0", "0.3.0"].randomElement()!,
            recordedAtMicros: base + .random(in: 0...1))
    }

    @Test(arguments: 1...4) func theDatabaseKeepsWhatTheSwiftRuleKeeps(round: Int) async throws {
        let records: [SyncRecord] = (0..<40).map { _ in
            switch Int.random(in: 0...2) {
            case 0: .profile(Self.randomProfile(), signature: "s")
            case 1: .count(Self.randomCount(), signature: "s")
            default: .node(Self.randomNode(), signature: "s")
            }
        }
        let expected = MergeBatch(records)
        try await TestDatabase.withMigrated { client, database in
            let merger = MergeRepository(database: database)
            for record in records {
                _ = try await merger.merge(MergeBatch([record]), from: "neighbour", rejected: [:])
            }
            let stored = try await Self.stored(client)
            #expect(stored.profiles == Set(expected.profiles.keys), "\(records)")
            #expect(stored.counts == Set(expected.counts.keys), "\(records)")
            #expect(stored.nodes == Set(expected.nodes.keys), "\(records)")
        }
    }

    /// Every stored record, read back as records.
    static func stored(
        _ client: PostgresClient
    ) async throws -> (
        profiles: Set<ProfileRecord>, counts: Set<CountRecord>, nodes: Set<NodeRecord>
    ) {
        let micros = { (column: String) in "(extract(epoch FROM \(column)) * 1000000)::int8" }
        var profiles = Set<ProfileRecord>()
        for try await (name, display, uuid, resolved, origin, avatar) in try await client.query(
            PostgresQuery(
                unsafeSQL:
                    "SELECT name_key, display_name, uuid, \(micros("resolved_at")), origin, avatar_sha256 FROM profiles"
            )
        ).decode((String, String, String, Int64, String, String?).self) {
            profiles.insert(
                ProfileRecord(
                    nameKey: name, displayName: display, uuid: uuid, resolvedAtMicros: resolved, origin: origin,
                    avatarSHA256: avatar))
        }
        var counts = Set<CountRecord>()
        for try await (origin, name, count, last) in try await client.query(
            PostgresQuery(unsafeSQL: "SELECT origin, name_key, count, \(micros("last_lookup_at")) FROM lookup_counts")
        ).decode((String, String, Int64, Int64).self) {
            counts.insert(CountRecord(origin: origin, nameKey: name, count: count, lastLookupAtMicros: last))
        }
        var nodes = Set<NodeRecord>()
        for try await (origin, name, url, version, recorded) in try await client.query(
            PostgresQuery(
                unsafeSQL: "SELECT origin, name, url, software_version, \(micros("recorded_at")) FROM node_records")
        ).decode((String, String, String?, String, Int64).self) {
            nodes.insert(
                NodeRecord(origin: origin, name: name, url: url, softwareVersion: version, recordedAtMicros: recorded))
        }
        return (profiles, counts, nodes)
    }
}
