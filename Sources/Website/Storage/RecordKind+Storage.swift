import SyncProtocol

/// How a node stores each kind of record (``RecordKind``, the one list, is SyncProtocol's): what
/// every piece of code that touches all kinds needs to know of each, read by the changes feed,
/// its "written but not served" check, the epoch re-stamp and the digests. A new kind is a case
/// of ``RecordKind``, its traits here, and its migration (its table with the feed's `xid` and
/// `seq` columns, and its digest triggers).
extension RecordKind {
    /// What the code that touches every kind needs to know of one, in one place per kind.
    struct Traits: Sendable {
        /// The table holding this kind; every one has the feed's `xid` and `seq` columns.
        var table: String
        /// The kind's letter in the feed's rows and in `digest_buckets.kind`.
        var letter: String
        /// The column whose md5 places a record in a range of the digests.
        var rangeKey: String
        /// A row's 64-bit content hash, by the functions of ``AddDigestBuckets``.
        var contentHash: String
        /// The row as the feed selects a change (``ChangesFeed/ChangeRow``): kind, xid, seq, name,
        /// display name, uuid, µs, origin, avatar, count, signature. A node record carries its
        /// name, URL and software version in the name, display-name and uuid columns.
        var changeColumns: String
        /// What the blocklist's purge calls this kind's removed rows: the column
        /// `purges.<name>_removed` and the metric `heads_purged_<name>`.
        var purgedName: String
    }

    var traits: Traits {
        switch self {
        case .profile:
            Traits(
                table: "profiles", letter: "p", rangeKey: "name_key",
                contentHash: "digest_hash_profile(name_key, display_name, uuid, resolved_at, origin, avatar_sha256)",
                changeColumns: """
                    'p' AS kind, xid, seq, name_key, display_name, uuid, (extract(epoch FROM resolved_at) * 1000000)::bigint \
                    AS micros, origin, avatar_sha256 AS avatar, 0::bigint AS count, signature
                    """, purgedName: "profiles")
        case .count:
            Traits(
                table: "lookup_counts", letter: "c", rangeKey: "name_key",
                contentHash: "digest_hash_count(origin, name_key, count, last_lookup_at)",
                changeColumns: """
                    'c' AS kind, xid, seq, name_key, NULL AS display_name, NULL AS uuid, \
                    (extract(epoch FROM last_lookup_at) * 1000000)::bigint AS micros, origin, NULL AS avatar, count, signature
                    """, purgedName: "counts")
        case .node:
            Traits(
                table: "node_records", letter: "n", rangeKey: "origin",
                contentHash: "digest_hash_node(origin, name, url, software_version, recorded_at)",
                changeColumns: """
                    'n' AS kind, xid, seq, name AS name_key, url AS display_name, software_version AS uuid, \
                    (extract(epoch FROM recorded_at) * 1000000)::bigint AS micros, origin, NULL AS avatar, \
                    0::bigint AS count, signature
                    """, purgedName: "nodes")
        }
    }

    var table: String { traits.table }
    var letter: String { traits.letter }
    var rangeKey: String { traits.rangeKey }
    var contentHash: String { traits.contentHash }
    var changeColumns: String { traits.changeColumns }
    /// `purges`' column counting this kind's removed rows.
    var purgedColumn: String { "\(traits.purgedName)_removed" }

    /// The kind of a feed row's letter (``Traits/letter``); nil for a letter no kind has.
    init?(letter: String) {
        guard let kind = RecordKind.allCases.first(where: { $0.letter == letter }) else { return nil }
        self = kind
    }
}
