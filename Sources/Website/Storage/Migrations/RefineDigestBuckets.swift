/// Digest buckets of four hex digits instead of three (65,536 per kind): a range of up to four
/// digits is read from buckets, so that the ranges a round splits down to, about 15 records each
/// at 1,000,000 records, are found without hashing the rows of their three-digit bucket (about
/// 245 each, on both nodes). Sums over a range of buckets read the primary key's range, so a
/// narrow range reads few rows; the whole name space reads every bucket once.
///
/// The trigger functions of ``AddDigestBuckets`` are replaced by the same functions at four
/// digits, and the table is filled again from the rows, in one transaction (writers wait for it).
/// A node of 0.3.0 on the same database still reads correct digests: it sums buckets by their
/// first three digits or fewer, which four-digit buckets answer as well.
struct RefineDigestBuckets: Migration {
    /// Hex digits of a bucket name: 65,536 buckets per kind.
    static let bucketDigits = 4

    /// A record kind as the trigger functions know it.
    typealias Kind = (letter: String, table: String, key: String, hash: String)

    /// Per kind, frozen with this migration (as in ``AddDigestBuckets``); ``SkipUnchangedBucketsAndTotals``
    /// replaces the functions of the same kinds.
    static let kinds: [Kind] = [
        (
            "p", "profiles", "name_key",
            "digest_hash_profile(name_key, display_name, uuid, resolved_at, origin, avatar_sha256)"
        ),
        ("c", "lookup_counts", "name_key", "digest_hash_count(origin, name_key, count, last_lookup_at)"),
        ("n", "node_records", "origin", "digest_hash_node(origin, name, url, software_version, recorded_at)"),
    ]

    var statements: [String] {
        let digits = Self.bucketDigits
        // Every table's writers wait from here to the commit, so no write falls between the
        // emptying and the filling, and none runs the functions being replaced.
        var statements = [
            "LOCK TABLE \(Self.kinds.map(\.table).joined(separator: ", ")), digest_buckets IN SHARE ROW EXCLUSIVE MODE"
        ]
        for kind in Self.kinds {
            statements.append(Self.triggerFunction(for: kind, skippingUnchangedBuckets: false))
        }
        statements.append("DELETE FROM digest_buckets")
        for kind in Self.kinds {
            statements.append(
                """
                INSERT INTO digest_buckets (kind, bucket, records, digest)
                SELECT '\(kind.letter)', left(md5(\(kind.key)), \(digits)), count(*), coalesce(bit_xor(\(kind.hash)), 0)
                FROM \(kind.table) GROUP BY 2
                """)
        }
        // Statistics for the planner at once: without them it took the refilled table for a
        // few rows and scanned all of it for each range asked.
        statements.append("ANALYZE digest_buckets")
        return statements
    }

    /// The trigger function keeping `kind`'s buckets: an insert adds each new row's count and hash
    /// to its bucket, a delete takes them away, an update does both. With `skippingUnchangedBuckets`
    /// an update leaves alone the buckets whose rows kept their content (a stored signature, a
    /// feed re-stamp), where it would otherwise write each such bucket with nothing to add. The
    /// text without it is this migration's, frozen.
    static func triggerFunction(for kind: Kind, skippingUnchangedBuckets: Bool) -> String {
        let bucket = "left(md5(\(kind.key)), \(bucketDigits))"
        let unchangedFilter =
            skippingUnchangedBuckets ? "\n            HAVING sum(delta) <> 0 OR coalesce(bit_xor(h), 0) <> 0" : ""
        return """
            CREATE OR REPLACE FUNCTION digest_buckets_\(kind.table)() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    INSERT INTO digest_buckets AS b (kind, bucket, records, digest)
                    SELECT '\(kind.letter)', \(bucket), count(*), coalesce(bit_xor(\(kind.hash)), 0)
                    FROM new_rows GROUP BY 2 ORDER BY 2
                    ON CONFLICT (kind, bucket) DO UPDATE
                        SET records = b.records + excluded.records, digest = b.digest # excluded.digest;
                ELSIF TG_OP = 'UPDATE' THEN
                    INSERT INTO digest_buckets AS b (kind, bucket, records, digest)
                    SELECT '\(kind.letter)', bucket, sum(delta), coalesce(bit_xor(h), 0) FROM (
                        SELECT \(bucket) AS bucket, 1 AS delta, \(kind.hash) AS h FROM new_rows
                        UNION ALL
                        SELECT \(bucket), -1, \(kind.hash) FROM old_rows
                    ) AS changed GROUP BY bucket\(unchangedFilter) ORDER BY bucket
                    ON CONFLICT (kind, bucket) DO UPDATE
                        SET records = b.records + excluded.records, digest = b.digest # excluded.digest;
                ELSE
                    UPDATE digest_buckets AS b SET records = b.records - d.records, digest = b.digest # d.digest
                    FROM (
                        SELECT \(bucket) AS bucket, count(*) AS records, coalesce(bit_xor(\(kind.hash)), 0) AS digest
                        FROM old_rows GROUP BY 1 ORDER BY 1
                    ) AS d
                    WHERE b.kind = '\(kind.letter)' AND b.bucket = d.bucket;
                END IF;
                RETURN NULL;
            END $$
            """
    }
}
