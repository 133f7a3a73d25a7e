import Hummingbird

/// `GET /api/v1/node`: who this node is, which protocol it speaks and which profile service its
/// profiles come from (neighbours merge profiles only from a node of the same upstream realm).
struct NodeInfoController<Context: RequestContext> {
    let node: LocalNode
    let upstreamRealm: String

    struct NodeDocument: ResponseEncodable {
        var nodeId: String
        var name: String
        var softwareVersion: String
        var protocolVersion: Int
        /// What this node serves beyond protocol 1's core (docs/protocol.md, "Compatibility"); a
        /// neighbour uses a feature only when it is listed here, and ignores names it does not know.
        var capabilities: [String]
        var upstreamRealm: String
    }

    /// Under `/api/v1`.
    func addRoutes(to api: RouterGroup<Context>) {
        api.get("node") { _, _ in
            NodeDocument(
                nodeId: node.id, name: node.name, softwareVersion: SoftwareVersion.current,
                protocolVersion: SoftwareVersion.protocolVersion,
                capabilities: SoftwareVersion.capabilities, upstreamRealm: upstreamRealm)
        }
    }
}
