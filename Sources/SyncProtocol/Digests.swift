/// Anti-entropy: digests over ranges of names, so that two nodes find the records they differ on
/// at a cost that grows with the differences, not with the data.
///
/// Every record (profile or count) falls in the bucket named by the hex md5 of its name; a prefix
/// of that hash names a range. A range's digest is the number of records in it and the XOR of a
/// 64-bit hash of each record's content, so equal content gives equal digests on every node
/// whatever the order of writes. `GET /api/v1/digests?prefix=P` answers the digests of the 16
/// ranges one hex digit longer than P; `GET /api/v1/records?prefix=P` the records of a range.
/// From 0.4.0 both also take `prefixes=P1,P2,…` (ranges of one length, at most
/// ``RangePlan/maximumPrefixesPerRequest``), so that a round costs a few requests per level of
/// ranges instead of one per range; a node says it does by ``DigestsDocument/maximumPrefixes``.
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
    /// The range asked for; the first of them when several were (`prefixes`).
    public var prefix: String
    /// The ranges asked for by `prefixes=`, absent when one was asked for by `prefix=`.
    public var prefixes: [String]?
    /// How many ranges one request may name by `prefixes=`, in the answer for the whole name
    /// space (`prefix` empty, where a round starts); absent from nodes that answer one range per
    /// request (0.3.0 and earlier).
    public var maximumPrefixes: Int?
    /// The record kinds the digests cover: those asked for (`kinds=`) that the node knows. Absent
    /// from a node before 0.3.0, whose digests cover profiles and counts.
    public var kinds: [String]?
    /// Non-empty ranges only.
    public var ranges: [RangeDigest]

    public init(
        nodeId: String, prefix: String, prefixes: [String]? = nil, maximumPrefixes: Int? = nil, kinds: [String]? = nil,
        ranges: [RangeDigest]
    ) {
        self.nodeId = nodeId
        self.prefix = prefix
        self.prefixes = prefixes
        self.maximumPrefixes = maximumPrefixes
        self.kinds = kinds
        self.ranges = ranges
    }
}

/// The answer of `GET /api/v1/records`.
public struct RecordsDocument: Codable, Sendable {
    public var nodeId: String
    /// As in ``DigestsDocument/prefix``.
    public var prefix: String
    /// As in ``DigestsDocument/prefixes``.
    public var prefixes: [String]?
    /// As in ``DigestsDocument/kinds``.
    public var kinds: [String]?
    public var records: [WireRecord]

    public init(
        nodeId: String, prefix: String, prefixes: [String]? = nil, kinds: [String]? = nil, records: [WireRecord]
    ) {
        self.nodeId = nodeId
        self.prefix = prefix
        self.prefixes = prefixes
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
    /// The most records `GET /api/v1/records` serves for one request.
    public static let maximumRecords = 2000
    /// The most ranges one request names by `prefixes=`.
    public static let maximumPrefixesPerRequest = 128

    /// Whether `text` is a range prefix: up to ``maximumPrefixLength`` lower-case hex digits.
    public static func isPrefix(_ text: String) -> Bool {
        text.utf8.count <= maximumPrefixLength && Hex.isLowercase(text)
    }

    /// The most digest and records requests one round makes: a neighbour that claims every range
    /// differs cannot keep a puller busy for ever (1,000 differences among 1,000,000 records took
    /// about 2,200).
    public static let maximumMessages = 20_000
    /// The most differing ranges one level of a round keeps for the next (the ranges of a liar
    /// multiply by 16 a level; 65,536 ranges of 24 records are far more than a feed misses).
    public static let maximumRangesPerLevel = 65_536

    /// The ranges a `prefixes=` parameter names, in order and each once, or nil unless it names
    /// one to ``maximumPrefixesPerRequest`` prefixes of one length (so that their ranges do not
    /// overlap).
    public static func prefixList(_ text: String) -> [String]? {
        guard text.utf8.count < 16 * maximumPrefixesPerRequest else { return nil }
        var prefixes: [String] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) where !prefixes.contains(String(part))
        {
            prefixes.append(String(part))
        }
        guard let length = prefixes.first?.utf8.count, prefixes.count <= maximumPrefixesPerRequest,
            prefixes.allSatisfy({ $0.utf8.count == length && isPrefix($0) })
        else { return nil }
        return prefixes
    }

    /// Whether a neighbour's digests answer for `prefix` is well formed: distinct ranges, each
    /// `prefix` and one more hex digit, a positive count and a 16-digit digest. Anything else is
    /// refused rather than followed (a lying answer must not steer the recursion).
    public static func isValid(_ ranges: [RangeDigest], under prefix: String) -> Bool {
        isValid(ranges, under: [prefix])
    }

    /// As ``isValid(_:under:)-(_,String)``, for an answer to several prefixes of one length.
    public static func isValid(_ ranges: [RangeDigest], under prefixes: [String]) -> Bool {
        let asked = Set(prefixes)
        return ranges.count <= 16 * asked.count && Set(ranges.map(\.prefix)).count == ranges.count
            && ranges.allSatisfy { range in
                !range.prefix.isEmpty && asked.contains(String(range.prefix.dropLast())) && isPrefix(range.prefix)
                    && range.count > 0 && range.digest.utf8.count == 16 && Hex.isLowercase(range.digest)
            }
    }

    /// The neighbour's ranges whose digests differ from this node's, in order.
    public static func differing(local: [RangeDigest], remote: [RangeDigest]) -> [RangeDigest] {
        let mine = Dictionary(local.map { ($0.prefix, $0) }) { first, _ in first }
        return remote.filter { mine[$0.prefix] != $0 }.sorted { $0.prefix < $1.prefix }
    }

    /// With a neighbour that answers many ranges per request, a level whose small ranges hold more
    /// records than one records answer splits every range above this size once more: digests of
    /// the rows under a range cost far less than fetching, checking and merging its records.
    public static let batchedLeafSize: Int64 = 4

    /// What to do with a level's differing ranges: fetch the records of small (or deepest) ones,
    /// split the others. `batched`: the neighbour answers many ranges per request, so splitting
    /// costs a few more requests, not one per range (``batchedLeafSize``).
    public static func plan(_ differing: [RangeDigest], batched: Bool) -> (fetch: [RangeDigest], split: [String]) {
        func isLeaf(_ range: RangeDigest, _ size: Int64) -> Bool {
            range.count <= size || range.prefix.utf8.count >= maximumPrefixLength
        }
        let small = differing.filter { isLeaf($0, leafSize) }.reduce(Int64(0)) { $0 + $1.count }
        let size = batched && small > Int64(maximumRecords) ? batchedLeafSize : leafSize
        return (differing.filter { isLeaf($0, size) }, differing.filter { !isLeaf($0, size) }.map(\.prefix))
    }

    /// Ranges to fetch, grouped into records requests: at most `perRequest` ranges and, by the
    /// neighbour's counts, at most ``maximumRecords`` records each (a range claiming more is
    /// asked for alone, and refused by the neighbour if it really holds more).
    public static func recordsRequests(_ ranges: [RangeDigest], perRequest: Int) -> [[String]] {
        var requests: [[String]] = []
        var current: [String] = []
        var records: Int64 = 0
        for range in ranges {
            if !current.isEmpty && (current.count >= perRequest || records + range.count > Int64(maximumRecords)) {
                requests.append(current)
                current = []
                records = 0
            }
            current.append(range.prefix)
            records += range.count
        }
        if !current.isEmpty { requests.append(current) }
        return requests
    }
}
