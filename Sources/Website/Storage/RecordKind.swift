/// The kinds of record a node stores and exchanges, with the table each lives in: the one list
/// that code touching every kind reads (the epoch re-stamp, the feed's "written but not served"
/// check). A new kind is an entry here plus its migration.
enum RecordKind: String, CaseIterable, Sendable {
    case profile
    case count
    case node

    /// The table holding this kind; every one has the feed's `xid` and `seq` columns.
    var table: String {
        switch self {
        case .profile: "profiles"
        case .count: "lookup_counts"
        case .node: "node_records"
        }
    }
}
