import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore

@testable import Website

/// One node's router, asked without a socket (`app.test(.router)`): the node's parts are built as
/// in production, but only the services requests need run (``NodeComponents/requestServices``),
/// with no neighbours, live events or background rounds. For page and API tests that need no
/// live server.
struct RoutedNode: Sendable {
    let client: any TestClientProtocol
    /// The node's parts, for what a test reads beside the answers (its pool's leases, say).
    let parts: NodeComponents

    /// Asks for `path` (with its query) as a visitor would.
    func fetch(
        _ path: String, method: HTTPRequest.Method = .get, headers: [(String, String)] = [], body: ByteBuffer? = nil
    ) async throws -> FetchedResponse {
        var fields = HTTPFields()
        for (name, value) in headers { fields.append(.init(name: .init(name)!, value: value)) }
        let response = try await client.execute(uri: path, method: method, headers: fields, body: body)
        return FetchedResponse(
            status: Int(response.status.code), headers: response.headers.map { ($0.name.rawName, $0.value) },
            body: Array(buffer: response.body))
    }
}

/// Runs one node's router for `body` (see ``RoutedNode``).
func withRoutedNode<T: Sendable>(
    database: String, upstream: String, _ extra: [String: String] = [:],
    _ body: @Sendable (RoutedNode) async throws -> T
) async throws -> T {
    let configuration = try testConfiguration(database: database, upstream: upstream, extra)
    var logger = TestDatabase.logger
    logger.logLevel = configuration.logLevel
    let parts = try await NodeComponents(configuration, logger: logger, resolver: SystemNameResolver())
    var app = Application(router: buildRouter(parts), services: parts.requestServices, logger: logger)
    app.beforeServerStarts { try await parts.prepare() }
    return try await app.test(.router) { client in try await body(RoutedNode(client: client, parts: parts)) }
}
