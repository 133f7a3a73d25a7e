import Hummingbird
import SyncProtocol

/// The anti-entropy side of the sync API (read-only, like the feed): digests over ranges of names
/// and the records of a range (see ``RangePlan``).
struct ReconciliationController<Context: RequestContext> {
    let digests: DigestRepository
    /// The sync requests' share of the node.
    let budget: RequestBudget
    /// Recent ranges' record counts, from the buckets.
    let bucketCounts = BucketCountCache()
    let signer: RecordSigner
    let node: LocalNode

    /// Under `/api/v1`.
    func addRoutes(to api: RouterGroup<Context>) {
        api.get("digests", use: rangeDigests)
        api.get("records", use: records)
    }

    /// The ranges asked for: `prefixes=` (comma-separated, one length, at most
    /// ``RangePlan/maximumPrefixesPerRequest``, each once) or else `prefix=` (one, the whole name space by
    /// default), and whether they came as `prefixes=` (then echoed in the answer). A prefix longer
    /// than `narrowest` digits (digests are not split down to the longest prefix) is refused.
    private static func ranges(
        _ request: Request, narrowest: Int = RangePlan.maximumPrefixLength
    ) throws -> (prefixes: [String], batched: Bool) {
        let query = request.uri.queryParameters
        // A malformed `prefix` is refused even beside `prefixes`, which it then does not change.
        let prefix = query.get("prefix") ?? ""
        guard RangePlan.isPrefix(prefix) else {
            throw HTTPError(
                .badRequest,
                message: "prefix is up to \(RangePlan.maximumPrefixLength) lower-case hex digits of a name's md5.")
        }
        if let list = query.get("prefixes") {
            guard let prefixes = RangePlan.prefixList(list) else {
                throw HTTPError(
                    .badRequest,
                    message: "prefixes is up to \(RangePlan.maximumPrefixesPerRequest) comma-separated "
                        + "prefixes of one length, each up to \(RangePlan.maximumPrefixLength) lower-case hex digits.")
            }
            try refuseNarrower(than: narrowest, prefix, prefixes[0])
            return (prefixes, true)
        }
        try refuseNarrower(than: narrowest, prefix)
        return ([prefix], false)
    }

    private static func refuseNarrower(than narrowest: Int, _ prefixes: String...) throws {
        guard prefixes.allSatisfy({ $0.utf8.count <= narrowest }) else {
            throw HTTPError(.badRequest, message: "A range this narrow is not split further; ask for its records.")
        }
    }

    /// The kinds asked for: `kinds=` names them (comma-separated; names this version does not
    /// know are left out, and the answer says which it covered); without it, those a node before
    /// 0.3.0 digests, so that its digests and ours compare.
    private static func kinds(_ request: Request) throws -> [RecordKind]? {
        guard let text = request.uri.queryParameters.get("kinds") else { return nil }
        guard text.utf8.count <= 200 else {
            throw HTTPError(.badRequest, message: "kinds is a comma-separated list of record kinds.")
        }
        return RecordKind.list(text)
    }

    @Sendable func rangeDigests(request: Request, context: Context) async throws -> DigestsDocument {
        let (prefixes, batched) = try Self.ranges(request, narrowest: RangePlan.maximumPrefixLength - 1)
        let asked = try Self.kinds(request)
        let kinds = asked ?? RecordKind.digestedBefore030
        return DigestsDocument(
            nodeId: node.id, prefix: prefixes[0], prefixes: batched ? prefixes : nil,
            maximumPrefixes: prefixes == [""] ? RangePlan.maximumPrefixesPerRequest : nil,
            kinds: asked.map { $0.map(\.rawValue) },
            ranges: try await budget.run { try await digests.digests(prefixes: prefixes, kinds: kinds) })
    }

    @Sendable func records(request: Request, context: Context) async throws -> RecordsDocument {
        let (prefixes, batched) = try Self.ranges(request)
        let asked = try Self.kinds(request)
        let kinds = asked ?? RecordKind.digestedBefore030
        let tooMany = HTTPError(.badRequest, message: "These ranges hold too many records; ask for longer prefixes.")
        let changes = try await budget.run {
            // Refused from the digest buckets' counts before any row is read: a whole-range
            // request costs a bounded read of the buckets, whatever the tables hold.
            if let count = try await bucketCounts.count(
                prefixes: prefixes, kinds: kinds,
                read: { [digests] in try await digests.bucketCount(prefixes: prefixes, kinds: kinds) }),
                count > RangePlan.maximumRecords
            {
                throw tooMany
            }
            return try await digests.records(prefixes: prefixes, kinds: kinds, limit: RangePlan.maximumRecords)
        }
        guard changes.count <= RangePlan.maximumRecords else { throw tooMany }
        return RecordsDocument(
            nodeId: node.id, prefix: prefixes[0], prefixes: batched ? prefixes : nil,
            kinds: asked.map { $0.map(\.rawValue) }, records: await signer.wireRecords(changes))
    }
}

extension ChangesDocument: ResponseEncodable {}
extension DigestsDocument: ResponseEncodable {}
extension RecordsDocument: ResponseEncodable {}
