import Hummingbird

/// `GET /healthz` (the process answers), `GET /readyz` (the database answers and the schema is
/// current) and `GET /api/v1/node` (who this node is).
struct HealthController<Context: RequestContext> {
    let migrator: Migrator
    let database: Database
    let node: LocalNode

    struct NodeDocument: ResponseEncodable {
        var nodeId: String
        var name: String
        var softwareVersion: String
        var protocolVersion: Int
    }

    func addRoutes(to router: Router<Context>) {
        router.get("/healthz") { _, _ in "ok\n" }
        router.get("/readyz") { _, _ -> Response in
            guard try await migrator.isUpToDate(database) else {
                throw HTTPError(.serviceUnavailable, message: "The database schema is not up to date.")
            }
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "ready\n")))
        }
        router.get("/api/v1/node") { _, _ in
            NodeDocument(
                nodeId: node.id, name: node.name, softwareVersion: LocalNode.softwareVersion, protocolVersion: 1)
        }
    }
}
