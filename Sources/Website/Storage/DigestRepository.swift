import Logging
import PostgresNIO
import SyncProtocol

/// Digests over ranges of names and the records of a range, for anti-entropy (see ``RangePlan``),
/// over the record kinds asked for. A range that spans whole buckets is read from
/// `digest_buckets` (``AddDigestBuckets``: at most 4,096 rows per kind, whatever the tables
/// hold); a narrower one from its rows, found through the `left(md5(name_key), 8)` indexes.
struct DigestRepository {
    let database: Database

    /// The digests of the 16 ranges one digit longer than `prefix` (the non-empty ones).
    func digests(prefix: String, kinds: [RecordKind]) async throws -> [RangeDigest] {
        guard !kinds.isEmpty else { return [] }
        let length = prefix.utf8.count + 1
        if length <= AddDigestBuckets.bucketDigits {
            return try await database.query(
                """
                SELECT left(bucket, \(length)::int4), sum(records)::int8, lpad(to_hex(bit_xor(digest)), 16, '0')
                FROM digest_buckets WHERE kind = ANY(\(kinds.map(\.letter))) AND left(bucket, \(length - 1)::int4) = \(prefix)
                GROUP BY 1 HAVING sum(records) > 0 ORDER BY 1
                """, Self.decodeDigests)
        }
        let (low, high) = Self.bounds(prefix)
        let items = kinds.map {
            """
            SELECT left(md5(\($0.rangeKey)), $1::int4) AS range, \($0.contentHash) AS h FROM \($0.table)
            WHERE left(md5(\($0.rangeKey)), 8) COLLATE "C" >= $2 AND left(md5(\($0.rangeKey)), 8) COLLATE "C" < $3
            """
        }
        var bindings = PostgresBindings()
        bindings.append(Int32(length))
        bindings.append(low)
        bindings.append(high)
        return try await database.query(
            PostgresQuery(
                unsafeSQL: """
                    SELECT range, count(*), lpad(to_hex(coalesce(bit_xor(h), 0)), 16, '0')
                    FROM (\(items.joined(separator: " UNION ALL "))) AS items GROUP BY range ORDER BY range
                    """, binds: bindings), Self.decodeDigests)
    }

    @Sendable private static func decodeDigests(_ rows: PostgresRowSequence) async throws -> [RangeDigest] {
        var ranges: [RangeDigest] = []
        for try await (range, count, digest) in rows.decode((String, Int64, String).self) {
            ranges.append(RangeDigest(prefix: range, count: count, digest: digest))
        }
        return ranges
    }

    /// The records of the asked kinds whose range key falls in the range, at most `limit` + 1
    /// (so that the caller can tell a range that is too large).
    func records(prefix: String, kinds: [RecordKind], limit: Int) async throws -> [ChangesFeed.Change] {
        guard !kinds.isEmpty else { return [] }
        let (low, high) = Self.bounds(prefix)
        let items = kinds.map {
            """
            SELECT \($0.changeColumns) FROM \($0.table)
            WHERE left(md5(\($0.rangeKey)), 8) COLLATE "C" >= $1 AND left(md5(\($0.rangeKey)), 8) COLLATE "C" < $2
            """
        }
        var bindings = PostgresBindings()
        bindings.append(low)
        bindings.append(high)
        bindings.append(Int64(limit + 1))
        return try await database.query(
            PostgresQuery(
                unsafeSQL: """
                    SELECT kind, xid::text, seq, name_key, display_name, uuid, micros, origin, avatar, count, signature
                    FROM (\(items.joined(separator: " UNION ALL "))) AS records
                    ORDER BY name_key, kind, origin LIMIT $3
                    """, binds: bindings), ChangesFeed.decodeChanges)
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
