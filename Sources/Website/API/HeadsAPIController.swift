import Foundation
import Hummingbird
import SyncProtocol

/// `GET /api/v1/heads/NAME`: the stored profile and its counts, without counting a lookup or
/// asking the upstream.
struct HeadsAPIController<Context: RequestContext> {
    let profiles: ProfileRepository
    let counts: LookupCountRepository
    let node: LocalNode
    let nodeNames: NodeNames

    struct HeadDocument: ResponseEncodable {
        struct NodeCount: Codable {
            var nodeId: String
            /// The origin's name (its node record's, or the start of its id when it has none yet).
            var name: String
            var count: Int64
        }
        var name: String
        /// The profile's fields are absent while this node has none for the name (its counts
        /// arrived, its profile not yet, or was refused): the counts are answered all the same.
        var uuid: String?
        var resolvedAt: Date?
        var origin: String?
        var avatarSha256: String?
        var avatarUrl: String?
        var localCount: Int64
        var totalCount: Int64
        var perNode: [NodeCount]
    }

    /// Under `/api/v1`.
    func addRoutes(to api: RouterGroup<Context>) {
        api.get("heads/{name}", use: head)
    }

    @Sendable func head(request: Request, context: Context) async throws -> HeadDocument {
        let name = try Username(validating: try context.parameters.require("name"))
        let profile = try await profiles.profile(nameKey: name.key)
        let perNode = try await counts.counts(nameKey: name.key)
        guard profile != nil || !perNode.isEmpty else {
            throw HTTPError(.notFound, message: "This node knows nothing of \(name.raw).")
        }
        let headCounts = HeadCounts(perNode: perNode, localNode: node.id)
        let names = try await nodeNames.labels(for: headCounts.perNode.map(\.origin))
        return HeadDocument(
            name: profile?.displayName ?? name.key, uuid: profile?.uuid, resolvedAt: profile?.resolvedAt,
            origin: profile?.origin, avatarSha256: profile?.avatarSHA256,
            avatarUrl: profile.map { AvatarPaths.path(uuid: $0.uuid) },
            localCount: headCounts.local, totalCount: headCounts.total,
            perNode: headCounts.perNode.map {
                .init(nodeId: $0.origin, name: names[$0.origin] ?? NodeRecord.shortID($0.origin), count: $0.count)
            })
    }
}
