/// The change feed's re-stamp rule, written once. A write that changes a record's content gives the
/// row a new place in the feed (a new `seq`, and the writing transaction's `xid`, which the feed
/// reads to skip rows of transactions still open; docs/architecture.md), and drops this node's
/// signature of the old content, unless the write brings the signature of the new content (a
/// neighbour's record merged as signed). Every upsert and update of a record table sets its row
/// through one of these fragments: a write that forgets them never reaches the feed.
/// `FeedStampTests` writes each kind through each write path and reads it back from the feed.
enum FeedStamp {
    /// For `INSERT … ON CONFLICT … DO UPDATE SET`: the proposed row's column defaults (`excluded`)
    /// hold the new `seq` and `xid`.
    static let onConflict = "signature = NULL, seq = excluded.seq, xid = excluded.xid"

    /// The same for a merge, whose rows keep the signature they arrived with.
    static let onConflictKeepingSignature = "signature = excluded.signature, seq = excluded.seq, xid = excluded.xid"

    /// For a plain `UPDATE`, which has no proposed row: the defaults, written out.
    static let update = "signature = NULL, seq = nextval('change_seq'), xid = pg_current_xact_id()"
}
