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
        var upstreamRealm: String
    }

    func addRoutes(to router: Router<Context>) {
        router.get("/api/v1/node") { _, _ in
            NodeDocument(
                nodeId: node.id, name: node.name, softwareVersion: LocalNode.softwareVersion, protocolVersion: 1,
                upstreamRealm: upstreamRealm)
        }
    }
}
