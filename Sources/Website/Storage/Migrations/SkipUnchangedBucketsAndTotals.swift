/// The triggers of an update no longer write the digest buckets and name totals that it leaves as
/// they were.
///
/// Storing a record's own signature, and the re-stamp of every row when a restored database gets
/// its new feed epoch, update rows without changing what their digests hash or what the totals
/// sum; the functions of ``RefineDigestBuckets`` and ``AddNameTotals`` still wrote each touched
/// bucket and name total with nothing to add (a row version each, and its lock). They are replaced
/// by the same ones with those rows left out. Buckets and totals themselves are unchanged, so
/// nothing is filled again, and a node of 0.4.0 on the same database reads the same digests and
/// listings.
struct SkipUnchangedBucketsAndTotals: Migration {
    var statements: [String] {
        DigestBucketSQL.kinds.map {
            DigestBucketSQL.triggerFunction(
                for: $0, digits: RefineDigestBuckets.bucketDigits, replacing: true, skippingUnchangedBuckets: true)
        } + [AddNameTotals.updatedFunction(replacing: true, skippingUnchangedCounters: true)]
    }
}
