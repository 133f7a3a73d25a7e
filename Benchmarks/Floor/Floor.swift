import Foundation
import Hummingbird
import Logging
import PostgresNIO

/// The floor of B1 (issue 35): the least a counted page costs on this stack. Per request one
/// durable `INSERT … ON CONFLICT … DO UPDATE SET n = n + 1 RETURNING n` through `PostgresClient`
/// (16 connections, as many as the node's pool), and a fixed page of the node's size. No
/// rendering, no middleware, no batching: `scripts/bench` measures the node against it, side by
/// side on the same PostgreSQL. Never shipped (the image builds the `website` product only).
///   DATABASE_URL=postgres://user@host:port/db HTTP_PORT=8091 [PAGE_BYTES=2099] benchmark-floor
@main
struct Floor {
    static func main() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let url = URL(string: environment["DATABASE_URL"] ?? ""), let host = url.host else {
            fatalError("DATABASE_URL is postgres://user[:password]@host[:port]/database")
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: url.port ?? 5432, username: url.user ?? "postgres", password: url.password,
            database: url.path.isEmpty ? nil : String(url.path.dropFirst()), tls: .disable)
        configuration.options.maximumConnections = 16
        let client = PostgresClient(configuration: configuration)
        let page = ByteBuffer(repeating: UInt8(ascii: "x"), count: Int(environment["PAGE_BYTES"] ?? "") ?? 2099)

        let router = Router()
        router.get("/healthz") { _, _ in HTTPResponse.Status.ok }
        // One read per request, the size of the node's /readyz (a count over a small table with a
        // bound list of a dozen names): the breakdown sets one statement through PostgresClient
        // beside one through the node's `Database` (its deadline, pool accounting and breaker).
        let names = (1...12).map { "migration-\($0)" }
        router.get("/statement") { _, _ -> HTTPResponse.Status in
            let rows = try await client.query("SELECT count(*) FROM floor_counts WHERE name = ANY(\(names))")
            for try await _ in rows.decode(Int64.self) {}
            return .ok
        }
        router.get("/heads/{name}") { _, context -> Response in
            let name = context.parameters.get("name") ?? ""
            let rows = try await client.query(
                """
                INSERT INTO floor_counts AS c (name, n) VALUES (\(name), 1)
                ON CONFLICT (name) DO UPDATE SET n = c.n + 1 RETURNING n
                """)
            for try await _ in rows.decode(Int64.self) {}
            return Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: page))
        }
        var app = Application(
            router: router,
            configuration: .init(
                address: .hostname("127.0.0.1", port: Int(environment["HTTP_PORT"] ?? "") ?? 8091),
                serverName: "benchmark-floor"),
            services: [client],
            logger: Logger(label: "benchmark-floor"))
        app.beforeServerStarts {
            try await client.query(
                "CREATE TABLE IF NOT EXISTS floor_counts (name text PRIMARY KEY, n bigint NOT NULL)")
        }
        try await app.runService()
    }
}
