/// The record kinds in `digest_buckets`, the statement that fills one kind's buckets from its
/// rows and the trigger function that keeps them, as the digest migrations write them (``AddDigestBuckets``, ``RefineDigestBuckets``,
/// ``SkipUnchangedBucketsAndTotals``). Each migration calls it with its own settings, and the text
/// for settings a landed migration uses is part of that migration: it must not change.
enum DigestBucketSQL {
    /// A kind as the functions know it: its letter in `digest_buckets.kind`, its table, its range
    /// key column, and the content hash of a row.
    typealias Kind = (letter: String, table: String, key: String, hash: String)

    /// Every kind, frozen with ``AddDigestBuckets``.
    static let kinds: [Kind] = [
        (
            "p", "profiles", "name_key",
            "digest_hash_profile(name_key, display_name, uuid, resolved_at, origin, avatar_sha256)"
        ),
        ("c", "lookup_counts", "name_key", "digest_hash_count(origin, name_key, count, last_lookup_at)"),
        ("n", "node_records", "origin", "digest_hash_node(origin, name, url, software_version, recorded_at)"),
    ]

    /// The function `digest_buckets_TABLE()` for `kind`, with buckets of `digits` hex digits: an
    /// insert adds each new row's count and hash to its bucket, a delete takes them away, an
    /// update does both. One function for the three events: plpgsql plans a statement when it
    /// first runs, so a branch naming a transition table the event lacks is never planned.
    /// Buckets are written in order, so two writers take their rows in the same order. With
    /// `skippingUnchangedBuckets` an update leaves alone the buckets whose rows kept their content
    /// (a stored signature, a feed re-stamp), which it would otherwise write with nothing to add.
    static func triggerFunction(for kind: Kind, digits: Int, replacing: Bool, skippingUnchangedBuckets: Bool) -> String
    {
        let bucket = "left(md5(\(kind.key)), \(digits))"
        let create = replacing ? "CREATE OR REPLACE FUNCTION" : "CREATE FUNCTION"
        let unchangedFilter =
            skippingUnchangedBuckets ? "\n            HAVING sum(delta) <> 0 OR coalesce(bit_xor(h), 0) <> 0" : ""
        return """
            \(create) digest_buckets_\(kind.table)() RETURNS trigger LANGUAGE plpgsql AS $$
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

    /// Adds every row of `kind` to its bucket of `digits` hex digits.
    static func fill(_ kind: Kind, digits: Int) -> String {
        """
        INSERT INTO digest_buckets (kind, bucket, records, digest)
        SELECT '\(kind.letter)', left(md5(\(kind.key)), \(digits)), count(*), coalesce(bit_xor(\(kind.hash)), 0)
        FROM \(kind.table) GROUP BY 2
        """
    }
}
