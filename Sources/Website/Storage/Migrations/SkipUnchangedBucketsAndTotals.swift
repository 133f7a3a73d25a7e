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
        RefineDigestBuckets.kinds.map { RefineDigestBuckets.triggerFunction(for: $0, skippingUnchangedBuckets: true) }
            + [
                // As in AddNameTotals, with only the counters whose count or time changed summed,
                // and only the totals that then change written.
                """
                CREATE OR REPLACE FUNCTION name_totals_updated() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE name_totals AS t SET total = t.total + d.delta,
                        last_lookup_at = greatest(t.last_lookup_at, d.last_lookup_at)
                    FROM (
                        SELECT n.name_key, sum(n.count::numeric - o.count) AS delta, max(n.last_lookup_at) AS last_lookup_at
                        FROM new_rows n JOIN old_rows o ON o.origin = n.origin AND o.name_key = n.name_key
                        WHERE n.count <> o.count OR n.last_lookup_at <> o.last_lookup_at
                        GROUP BY n.name_key ORDER BY n.name_key
                    ) AS d
                    WHERE t.name_key = d.name_key AND (d.delta <> 0 OR d.last_lookup_at > t.last_lookup_at);
                    RETURN NULL;
                END $$
                """
            ]
    }
}
