import Hummingbird

/// `GET /healthz` (the process answers) and `GET /readyz` (the database answers and the schema is
/// current).
struct HealthController<Context: RequestContext> {
    let migrator: Migrator
    let database: Database

    func addRoutes(to router: Router<Context>) {
        router.get("/healthz") { _, _ in "ok\n" }
        router.get("/readyz") { _, _ -> Response in
            if database.breaker.isOpen {
                throw HTTPError(
                    .serviceUnavailable, headers: [.retryAfter: "2"],
                    message: "The database missed its deadline; not ready until it answers again.")
            }
            guard try await migrator.isUpToDate(database) else {
                throw HTTPError(.serviceUnavailable, message: "The database schema is not up to date.")
            }
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "ready\n")))
        }
    }
}
