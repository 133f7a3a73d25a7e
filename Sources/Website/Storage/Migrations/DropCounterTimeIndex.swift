/// Since ``AddNameTotals`` the recent list reads `name_totals`; nothing reads counters by their
/// last lookup time any more, so that index only cost every counter write (a lookup, a merged
/// record) one index entry of five.
struct DropCounterTimeIndex: Migration {
    let statements = ["DROP INDEX IF EXISTS lookup_counts_last_lookup_at"]
}
