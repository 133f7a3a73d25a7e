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
        for kind in DigestBucketSQL.kinds {
            statements += [
                DigestBucketSQL.fill(kind, digits: digits),
                DigestBucketSQL.triggerFunction(
                    for: kind, digits: digits, replacing: false, skippingUnchangedBuckets: false),
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
