/// The kinds of record nodes exchange: the one list. Its raw value is the kind's name on the wire
/// (`kind` of a record, the `kinds` parameter of digests and records). Every decision made per
/// kind is an exhaustive `switch` over it, so a new kind is a new case and the compiler lists
/// every place that must say what to do with it (docs/protocol.md, "Records").
public enum RecordKind: String, CaseIterable, Sendable, Hashable {
    case profile
    case count
    case node

    /// The kinds a neighbour means when it names none: those of 0.2.0's digests.
    public static let digestedBefore030: [RecordKind] = [.profile, .count]

    /// Kinds from a comma-separated list of their wire names; names this version does not know
    /// are left out (a newer neighbour may ask for more).
    public static func list(_ text: String) -> [RecordKind] {
        var kinds: [RecordKind] = []
        for name in text.split(separator: ",") {
            if let kind = RecordKind(rawValue: String(name)), !kinds.contains(kind) { kinds.append(kind) }
        }
        return kinds
    }
}

extension SyncRecord {
    /// The record's kind.
    public var kind: RecordKind {
        switch self {
        case .profile: .profile
        case .count: .count
        case .node: .node
        }
    }
}
