import Hummingbird
import SyncProtocol

/// The anti-entropy side of the sync API (read-only, like the feed): digests over ranges of names
/// and the records of a range (see ``RangePlan``).
struct ReconciliationController<Context: RequestContext> {
    let digests: DigestRepository
    let signer: RecordSigner
    let node: LocalNode

    func addRoutes(to router: Router<Context>) {
        router.get("/api/v1/digests", use: rangeDigests)
        router.get("/api/v1/records", use: records)
    }

    private static func prefix(_ request: Request) throws -> String {
        let prefix = request.uri.queryParameters.get("prefix") ?? ""
        guard RangePlan.isPrefix(prefix) else {
            throw HTTPError(
                .badRequest,
                message: "prefix is up to \(RangePlan.maximumPrefixLength) lower-case hex digits of a name's md5.")
        }
        return prefix
    }

    @Sendable func rangeDigests(request: Request, context: Context) async throws -> DigestsDocument {
        let prefix = try Self.prefix(request)
        guard prefix.utf8.count < RangePlan.maximumPrefixLength else {
            throw HTTPError(.badRequest, message: "A range this narrow is not split further; ask for its records.")
        }
        return DigestsDocument(nodeId: node.id, prefix: prefix, ranges: try await digests.digests(prefix: prefix))
    }

    @Sendable func records(request: Request, context: Context) async throws -> RecordsDocument {
        let prefix = try Self.prefix(request)
        let changes = try await digests.records(prefix: prefix, limit: RangePlan.maximumRecords)
        guard changes.count <= RangePlan.maximumRecords else {
            throw HTTPError(.badRequest, message: "This range holds too many records; ask for a longer prefix.")
        }
        return RecordsDocument(nodeId: node.id, prefix: prefix, records: await signer.wireRecords(changes))
    }
}

extension DigestsDocument: ResponseEncodable {}
extension RecordsDocument: ResponseEncodable {}
