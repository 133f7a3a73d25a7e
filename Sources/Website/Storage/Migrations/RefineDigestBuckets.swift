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

    var statements: [String] {
        let digits = Self.bucketDigits
        // Every table's writers wait from here to the commit, so no write falls between the
        // emptying and the filling, and none runs the functions being replaced.
        var statements = [
            "LOCK TABLE \(DigestBucketSQL.kinds.map(\.table).joined(separator: ", ")), digest_buckets IN SHARE ROW EXCLUSIVE MODE"
        ]
        for kind in DigestBucketSQL.kinds {
            statements.append(
                DigestBucketSQL.triggerFunction(
                    for: kind, digits: digits, replacing: true, skippingUnchangedBuckets: false))
        }
        statements.append("DELETE FROM digest_buckets")
        statements += DigestBucketSQL.kinds.map { DigestBucketSQL.fill($0, digits: digits) }
        // Statistics for the planner at once: without them it took the refilled table for a
        // few rows and scanned all of it for each range asked.
        statements.append("ANALYZE digest_buckets")
        return statements
    }
}
