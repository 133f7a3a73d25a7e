/// The digest triggers of an update no longer write the buckets whose rows kept their content.
///
/// Storing a record's own signature, and the re-stamp of every row when a restored database gets
/// its new feed epoch, update rows without changing what their digests hash; the functions of
/// ``RefineDigestBuckets`` still upserted each touched bucket with nothing to add (a row version
/// per bucket, and the lock on it). The functions are replaced by the same ones with that bucket
/// left out (`HAVING` on the update's sum); the buckets themselves are unchanged, so nothing is
/// filled again, and a node of 0.4.0 on the same database reads the same digests.
struct SkipUnchangedDigestBuckets: Migration {
    var statements: [String] {
        RefineDigestBuckets.kinds.map { RefineDigestBuckets.triggerFunction(for: $0, skippingUnchangedBuckets: true) }
    }
}
