import Logging
import PostgresNIO
import SyncProtocol

/// Digests over ranges of names and the records of a range, for anti-entropy (see ``RangePlan``),
/// over the record kinds asked for. A range that spans whole buckets is read from
/// `digest_buckets` (``RefineDigestBuckets``: the buckets in the range, through the primary key;
/// at most 65,536 per kind, whatever the tables hold); a narrower one from its rows, found
/// through the `left(md5(name_key), 8)` indexes.
struct DigestRepository {
    let database: Database

    /// The digests of the ranges one digit longer than each of `prefixes`, all of one length (the
    /// non-empty ones, in order).
    func digests(prefixes: [String], kinds: [RecordKind]) async throws -> [RangeDigest] {
        guard !kinds.isEmpty, let first = prefixes.first else { return [] }
        let length = first.utf8.count + 1
        let (lows, highs) = Self.bounds(prefixes)
        if length <= RefineDigestBuckets.bucketDigits {
            // Bucket names are as long as the bounds cut to their length (`g` stays the end).
            let digits = RefineDigestBuckets.bucketDigits
            return try await database.query(
                """
                WITH asked AS (SELECT * FROM unnest(\(lows.map { String($0.prefix(digits)) })::text[], \(highs.map { String($0.prefix(digits)) })::text[]) AS a(low, high))
                SELECT left(bucket, \(length)::int4), sum(records)::int8, lpad(to_hex(bit_xor(digest)), 16, '0')
                FROM asked JOIN digest_buckets ON kind = ANY(\(kinds.map(\.letter))) AND bucket >= asked.low AND bucket < asked.high
                GROUP BY 1 HAVING sum(records) > 0 ORDER BY 1
                """, Self.decodeDigests)
        }
        let items = kinds.map {
            """
            SELECT left(md5(\($0.rangeKey)), $1::int4) AS range, \($0.contentHash) AS h
            FROM asked JOIN \($0.table)
            ON left(md5(\($0.rangeKey)), 8) COLLATE "C" >= asked.low AND left(md5(\($0.rangeKey)), 8) COLLATE "C" < asked.high
            """
        }
        var bindings = PostgresBindings()
        bindings.append(Int32(length))
        bindings.append(lows)
        bindings.append(highs)
        return try await database.query(
            PostgresQuery(
                unsafeSQL: """
                    WITH asked AS (SELECT * FROM unnest($2::text[], $3::text[]) AS a(low, high))
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

    /// How many records of `kinds` the ranges hold, read from the digest buckets alone (at most
    /// 65,536 rows per kind, whatever the tables hold); nil when a range is narrower than a
    /// bucket (its rows are then few and read through the index).
    func bucketCount(prefixes: [String], kinds: [RecordKind]) async throws -> Int64? {
        let digits = RefineDigestBuckets.bucketDigits
        guard !kinds.isEmpty, !prefixes.isEmpty, prefixes.allSatisfy({ $0.utf8.count <= digits }) else { return nil }
        let (lows, highs) = Self.bounds(prefixes)
        return try await database.values(
            """
            WITH asked AS (SELECT * FROM unnest(\(lows.map { String($0.prefix(digits)) })::text[], \(highs.map { String($0.prefix(digits)) })::text[]) AS a(low, high))
            SELECT coalesce(sum(records), 0)::int8
            FROM asked JOIN digest_buckets ON kind = ANY(\(kinds.map(\.letter))) AND bucket >= asked.low AND bucket < asked.high
            """, as: Int64.self
        ).first
    }

    /// The records of the asked kinds whose range key falls in one of the ranges, at most
    /// `limit` + 1 (so that the caller can tell a request that asks for too many).
    func records(prefixes: [String], kinds: [RecordKind], limit: Int) async throws -> [ChangesFeed.Change] {
        guard !kinds.isEmpty, !prefixes.isEmpty else { return [] }
        let items = kinds.map {
            """
            SELECT \($0.changeColumns) FROM asked JOIN \($0.table)
            ON left(md5(\($0.rangeKey)), 8) COLLATE "C" >= asked.low AND left(md5(\($0.rangeKey)), 8) COLLATE "C" < asked.high
            """
        }
        let (lows, highs) = Self.bounds(prefixes)
        var bindings = PostgresBindings()
        bindings.append(lows)
        bindings.append(highs)
        bindings.append(Int64(limit + 1))
        return try await database.query(
            PostgresQuery(
                unsafeSQL: """
                    WITH asked AS (SELECT * FROM unnest($1::text[], $2::text[]) AS a(low, high))
                    SELECT kind, xid::text, seq, name_key, display_name, uuid, micros, origin, avatar, count, signature
                    FROM (\(items.joined(separator: " UNION ALL "))) AS records
                    ORDER BY name_key, kind, origin LIMIT $3
                    """, binds: bindings), ChangesFeed.decodeChanges)
    }

    /// The ranges as bounds on the 8-digit bucket, lows and highs in step.
    static func bounds(_ prefixes: [String]) -> ([String], [String]) {
        let bounds = prefixes.map(bounds)
        return (bounds.map(\.0), bounds.map(\.1))
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
