/// Anti-entropy: digests over ranges of names, so that two nodes find the records they differ on
/// at a cost that grows with the differences, not with the data.
///
/// Every record (profile or count) falls in the bucket named by the hex md5 of its name; a prefix
/// of that hash names a range. A range's digest is the number of records in it and the XOR of a
/// 64-bit hash of each record's content, so equal content gives equal digests on every node
/// whatever the order of writes. `GET /api/v1/digests?prefix=P` answers the digests of the 16
/// ranges one hex digit longer than P; `GET /api/v1/records?prefix=P` the records of a range.
public struct RangeDigest: Codable, Sendable, Equatable {
    public var prefix: String
    public var count: Int64
    /// XOR of the records' 64-bit content hashes, as 16 hex digits.
    public var digest: String

    public init(prefix: String, count: Int64, digest: String) {
        self.prefix = prefix
        self.count = count
        self.digest = digest
    }
}

/// The answer of `GET /api/v1/digests`.
public struct DigestsDocument: Codable, Sendable, Equatable {
    public var nodeId: String
    public var prefix: String
    /// The record kinds the digests cover: those asked for (`kinds=`) that the node knows. Absent
    /// from a node before 0.3.0, whose digests cover profiles and counts.
    public var kinds: [String]?
    /// Non-empty ranges only.
    public var ranges: [RangeDigest]

    public init(nodeId: String, prefix: String, kinds: [String]? = nil, ranges: [RangeDigest]) {
        self.nodeId = nodeId
        self.prefix = prefix
        self.kinds = kinds
        self.ranges = ranges
    }
}

/// The answer of `GET /api/v1/records`.
public struct RecordsDocument: Codable, Sendable {
    public var nodeId: String
    public var prefix: String
    /// As in ``DigestsDocument/kinds``.
    public var kinds: [String]?
    public var records: [WireRecord]

    public init(nodeId: String, prefix: String, kinds: [String]? = nil, records: [WireRecord]) {
        self.nodeId = nodeId
        self.prefix = prefix
        self.kinds = kinds
        self.records = records
    }
}

public enum RangePlan {
    /// The longest prefix asked for (md5 has 32 hex digits; 8 is far beyond any real size).
    public static let maximumPrefixLength = 8
    /// A range with at most this many records (on the neighbour's side) is fetched whole instead
    /// of split further.
    public static let leafSize: Int64 = 24
    /// The most records `GET /api/v1/records` serves for one range.
    public static let maximumRecords = 2000

    /// Whether `text` is a range prefix: up to ``maximumPrefixLength`` lower-case hex digits.
    public static func isPrefix(_ text: String) -> Bool {
        text.utf8.count <= maximumPrefixLength && Hex.isLowercase(text)
    }

    /// The most digest and records requests one round makes: a neighbour that claims every range
    /// differs cannot keep a puller busy for ever (1,000 differences among 1,000,000 records took
    /// about 2,200).
    public static let maximumMessages = 20_000

    /// Whether a neighbour's digests answer for `prefix` is well formed: distinct ranges, each
    /// `prefix` and one more hex digit, a positive count and a 16-digit digest. Anything else is
    /// refused rather than followed (a lying answer must not steer the recursion).
    public static func isValid(_ ranges: [RangeDigest], under prefix: String) -> Bool {
        ranges.count <= 16 && Set(ranges.map(\.prefix)).count == ranges.count
            && ranges.allSatisfy { range in
                range.prefix.utf8.count == prefix.utf8.count + 1 && range.prefix.hasPrefix(prefix)
                    && isPrefix(range.prefix) && range.count > 0 && range.digest.utf8.count == 16
                    && Hex.isLowercase(range.digest)
            }
    }

    /// What to do with each range the neighbour has: nothing where the digests agree, fetch the
    /// records of small (or deepest) ranges that differ, split the others.
    public static func compare(local: [RangeDigest], remote: [RangeDigest]) -> (fetch: [String], split: [String]) {
        let mine = Dictionary(local.map { ($0.prefix, $0) }) { first, _ in first }
        var fetch: [String] = []
        var split: [String] = []
        for range in remote.sorted(by: { $0.prefix < $1.prefix }) where mine[range.prefix] != range {
            if range.count <= leafSize || range.prefix.utf8.count >= maximumPrefixLength {
                fetch.append(range.prefix)
            } else {
                split.append(range.prefix)
            }
        }
        return (fetch, split)
    }
}
