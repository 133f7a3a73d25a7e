/// Anti-entropy at scale: per record kind and bucket (the first ``bucketDigits`` hex digits of the
/// md5 of a record's range key), the number of records and the XOR of their 64-bit content
/// hashes, kept by statement triggers in the writing transaction, as the name totals are. A
/// digest of a range that spans whole buckets reads at most 16^3 rows per kind whatever the
/// tables hold; a narrower range reads its few rows through the range indexes.
///
/// The content hashes are SQL functions defined here, and every digest (buckets, ranges computed
/// from the rows) calls them: equal content, equal hash, on every node. Profiles and counts hash
/// exactly as 0.2.0 did (its digests agree with this version's over those two kinds); node
/// records are new to the digests.
struct AddDigestBuckets: Migration {
    /// Hex digits of a bucket name: 4,096 buckets per kind.
    static let bucketDigits = 3

    /// Per kind, frozen with this migration: its letter in `digest_buckets.kind`, its table, its
    /// range key column, and the content hash of a row.
    private static let kinds: [(letter: String, table: String, key: String, hash: String)] = [
        (
            "p", "profiles", "name_key",
            "digest_hash_profile(name_key, display_name, uuid, resolved_at, origin, avatar_sha256)"
        ),
        ("c", "lookup_counts", "name_key", "digest_hash_count(origin, name_key, count, last_lookup_at)"),
        ("n", "node_records", "origin", "digest_hash_node(origin, name, url, software_version, recorded_at)"),
    ]

    var statements: [String] {
        let digits = Self.bucketDigits
        var statements = [
            """
            CREATE TABLE digest_buckets (
                kind text NOT NULL,
                bucket text COLLATE "C" NOT NULL,
                records bigint NOT NULL,
                digest bigint NOT NULL,
                PRIMARY KEY (kind, bucket)
            )
            """,
            // Parameters by position: several of the column names are also keywords or functions.
            """
            CREATE FUNCTION digest_hash(text) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE
            RETURN ('x' || left(md5($1), 16))::bit(64)::bigint
            """,
            """
            CREATE FUNCTION digest_micros(timestamptz) RETURNS bigint LANGUAGE sql STABLE PARALLEL SAFE
            RETURN (extract(epoch FROM $1) * 1000000)::bigint
            """,
            """
            CREATE FUNCTION digest_hash_profile(text, text, text, timestamptz, text, text) RETURNS bigint
                LANGUAGE sql STABLE PARALLEL SAFE
            RETURN digest_hash('p|' || $1 || '|' || $2 || '|' || $3 || '|' || digest_micros($4) || '|' || $5 || '|'
                || coalesce($6, ''))
            """,
            """
            CREATE FUNCTION digest_hash_count(text, text, bigint, timestamptz) RETURNS bigint
                LANGUAGE sql STABLE PARALLEL SAFE
            RETURN digest_hash('c|' || $1 || '|' || $2 || '|' || $3 || '|' || digest_micros($4))
            """,
            """
            CREATE FUNCTION digest_hash_node(text, text, text, text, timestamptz) RETURNS bigint
                LANGUAGE sql STABLE PARALLEL SAFE
            RETURN digest_hash('n|' || $1 || '|' || $2 || '|' || coalesce($3, '') || '|' || $4 || '|'
                || digest_micros($5))
            """,
        ]
        for kind in Self.kinds {
            let bucket = "left(md5(\(kind.key)), \(digits))"
            statements += [
                """
                INSERT INTO digest_buckets (kind, bucket, records, digest)
                SELECT '\(kind.letter)', \(bucket), count(*), coalesce(bit_xor(\(kind.hash)), 0)
                FROM \(kind.table) GROUP BY 2
                """,
                // One function for the three events: plpgsql plans a statement when it first runs,
                // so a branch naming a transition table the event lacks is never planned. Buckets
                // are written in order, so two writers take their rows in the same order.
                """
                CREATE FUNCTION digest_buckets_\(kind.table)() RETURNS trigger LANGUAGE plpgsql AS $$
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
                        ) AS changed GROUP BY bucket ORDER BY bucket
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
                """,
                """
                CREATE TRIGGER \(kind.table)_digest_inserted AFTER INSERT ON \(kind.table)
                    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION digest_buckets_\(kind.table)()
                """,
                """
                CREATE TRIGGER \(kind.table)_digest_updated AFTER UPDATE ON \(kind.table)
                    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION digest_buckets_\(kind.table)()
                """,
                """
                CREATE TRIGGER \(kind.table)_digest_deleted AFTER DELETE ON \(kind.table)
                    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION digest_buckets_\(kind.table)()
                """,
            ]
        }
        return statements
    }
}
