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
                signature = NULL, seq = excluded.seq, xid = excluded.xid
            WHERE (n.name, n.url, n.software_version) IS DISTINCT FROM (excluded.name, excluded.url, excluded.software_version)
            """)
    }

    /// The names of these origins that a node record gives.
    func names(of origins: [String]) async throws -> [String: String] {
        guard !origins.isEmpty else { return [:] }
        return try await database.query(
            "SELECT origin, name FROM node_records WHERE origin = ANY(\(origins))"
        ) { rows in
            var names: [String: String] = [:]
            for try await (origin, name) in rows.decode((String, String).self) { names[origin] = name }
            return names
        }
    }
}
