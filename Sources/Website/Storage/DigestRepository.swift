import Logging
import PostgresNIO
import SyncProtocol

/// Digests over ranges of names and the records of a range, for anti-entropy (see ``RangePlan``).
/// Rows are found through the `left(md5(name_key), 8)` indexes.
struct DigestRepository {
    let database: Database

    /// A record's 64-bit content hash: the first 16 hex digits of the md5 of its fields. Equal
    /// content, equal hash, on every node (text compared as bytes, times in whole microseconds).
    private static let profileHash = """
        ('x' || left(md5('p|' || name_key || '|' || display_name || '|' || uuid || '|'
            || (extract(epoch FROM resolved_at) * 1000000)::bigint || '|' || origin || '|'
            || coalesce(avatar_sha256, '')), 16))::bit(64)::bigint
        """
    private static let countHash = """
        ('x' || left(md5('c|' || origin || '|' || name_key || '|' || count || '|'
            || (extract(epoch FROM last_lookup_at) * 1000000)::bigint), 16))::bit(64)::bigint
        """

    /// The digests of the 16 ranges one digit longer than `prefix` (the non-empty ones).
    func digests(prefix: String) async throws -> [RangeDigest] {
        let length = prefix.utf8.count + 1
        let (low, high) = Self.bounds(prefix)
        return try await database.query(
            """
            WITH items AS (
                SELECT left(md5(name_key), \(length)::int4) AS range, \(unescaped: Self.profileHash) AS h FROM profiles
                WHERE left(md5(name_key), 8) COLLATE "C" >= \(low) AND left(md5(name_key), 8) COLLATE "C" < \(high)
                UNION ALL
                SELECT left(md5(name_key), \(length)::int4), \(unescaped: Self.countHash) FROM lookup_counts
                WHERE left(md5(name_key), 8) COLLATE "C" >= \(low) AND left(md5(name_key), 8) COLLATE "C" < \(high)
            )
            SELECT range, count(*), lpad(to_hex(bit_xor(h)), 16, '0') FROM items GROUP BY range ORDER BY range
            """
        ) { rows in
            var ranges: [RangeDigest] = []
            for try await (range, count, digest) in rows.decode((String, Int64, String).self) {
                ranges.append(RangeDigest(prefix: range, count: count, digest: digest))
            }
            return ranges
        }
    }

    /// The records whose name falls in the range, at most `limit` + 1 (so that the caller can
    /// tell a range that is too large).
    func records(prefix: String, limit: Int) async throws -> [ChangesFeed.Change] {
        let (low, high) = Self.bounds(prefix)
        return try await database.query(
            """
            SELECT kind, xid::text, seq, name_key, display_name, uuid, micros, origin, avatar, count, signature FROM (
                SELECT 'p' AS kind, xid, seq, name_key, display_name, uuid,
                       (extract(epoch FROM resolved_at) * 1000000)::bigint AS micros, origin,
                       avatar_sha256 AS avatar, 0::bigint AS count, signature
                FROM profiles WHERE left(md5(name_key), 8) COLLATE "C" >= \(low) AND left(md5(name_key), 8) COLLATE "C" < \(high)
                UNION ALL
                SELECT 'c', xid, seq, name_key, NULL, NULL, (extract(epoch FROM last_lookup_at) * 1000000)::bigint,
                       origin, NULL, count, signature
                FROM lookup_counts WHERE left(md5(name_key), 8) COLLATE "C" >= \(low) AND left(md5(name_key), 8) COLLATE "C" < \(high)
            ) AS records
            ORDER BY name_key, kind, origin
            LIMIT \(limit + 1)
            """, ChangesFeed.decodeChanges)
    }

    /// The range as bounds on the 8-digit bucket: [prefix000…, next prefix).
    static func bounds(_ prefix: String) -> (String, String) {
        let low = prefix.padding(toLength: 8, withPad: "0", startingAt: 0)
        guard !prefix.isEmpty else { return (low, "g") }  // "g" sorts after every hex digit
        // The next prefix of the same length: increment the last digit, carrying.
        var digits = Array(prefix.utf8)
        var index = digits.count - 1
        while index >= 0 {
            if digits[index] == UInt8(ascii: "f") {
                digits[index] = UInt8(ascii: "0")
                index -= 1
            } else {
                digits[index] = digits[index] == UInt8(ascii: "9") ? UInt8(ascii: "a") : digits[index] + 1
                break
            }
        }
        if index < 0 { return (low, "g") }
        let high = String(decoding: digits, as: UTF8.self).padding(toLength: 8, withPad: "0", startingAt: 0)
        return (low, high)
    }
}
