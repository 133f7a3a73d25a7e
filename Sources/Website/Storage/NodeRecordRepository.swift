import Foundation
import Logging
import PostgresNIO
import SyncProtocol

/// Node records: this node's own (written at start-up when its name, URL or version changed) and
/// the ones neighbours relayed, which name every origin.
struct NodeRecordRepository {
    let database: Database

    /// Records this node's own description, with a new time, unless it is already the stored one.
    /// Signed the first time it is served, like every own record.
    func publish(origin: String, name: String, url: String?, softwareVersion: String) async throws {
        try await database.execute(
            """
            INSERT INTO node_records AS n (origin, name, url, software_version, recorded_at)
            VALUES (\(origin), \(name), \(url), \(softwareVersion), now())
            ON CONFLICT (origin) DO UPDATE SET
                name = excluded.name, url = excluded.url, software_version = excluded.software_version,
                recorded_at = greatest(excluded.recorded_at, n.recorded_at + interval '1 microsecond'),
                \(unescaped: FeedStamp.onConflict)
            WHERE (n.name, n.url, n.software_version) IS DISTINCT FROM (excluded.name, excluded.url, excluded.software_version)
            """)
    }

    /// Every origin's name as its node record gives it (one row per origin the federation admitted).
    func allNames() async throws -> [String: String] {
        try await database.query("SELECT origin, name FROM node_records") { rows in
            var names: [String: String] = [:]
            for try await (origin, name) in rows.decode((String, String).self) { names[origin] = name }
            return names
        }
    }
}
