import Foundation
import Hummingbird
import Synchronization

/// A neighbour of an earlier version, replayed: serves the answers `Tests/compat/record_fixtures.py`
/// recorded from that version's binary (`Tests/WebsiteTests/Fixtures/VERSION/`), byte for byte.
/// A request is answered by the recording of the same path and query, leaving out parameters
/// that no recording of that path has (the recorded version did not read them: `kinds` of the
/// digests before 0.3.0); a changes request by the recorded page with the same `since` (the
/// asker's `limit`, `wait` and `epoch` do not change what a recorded page holds); anything else
/// is 404 and listed in `unanswered`.
final class RecordedNeighbour: Sendable {
    /// What `manifest.json` says of the recording.
    struct Manifest: Decodable, Sendable {
        var version: String
        var nodeId: String
        /// The names looked up on the recorded node, in order, one entry per lookup.
        var lookups: [String]
        /// File name by recorded path and query.
        var answers: [String: String]
    }

    let directory: URL
    let manifest: Manifest
    private let unansweredRequests = Mutex<[String]>([])

    /// Requests no recording answered, in order.
    var unanswered: [String] { unansweredRequests.withLock { $0 } }

    /// The recording of `version` (a directory under `Fixtures`).
    init(version: String) throws {
        directory = Self.fixtures.appending(path: version)
        manifest = try JSONDecoder().decode(
            Manifest.self, from: Data(contentsOf: directory.appending(path: "manifest.json")))
    }

    static var fixtures: URL { Bundle.module.url(forResource: "Fixtures", withExtension: nil)! }

    /// The bytes of a recorded file.
    func file(_ name: String) throws -> Data { try Data(contentsOf: directory.appending(path: name)) }

    /// The recorded answer to `pathAndQuery`, if any.
    func answer(to pathAndQuery: String) throws -> Data? {
        guard let name = manifest.answers[pathAndQuery] else { return nil }
        return try file(name)
    }

    /// The file recorded for a changes request from `since`.
    private func changesFile(since: String) -> String? {
        manifest.answers.first { key, _ in
            key.hasPrefix("/api/v1/changes?")
                && URLComponents(string: key)?.queryItems?.first { $0.name == "since" }?.value == since
        }?.value
    }

    /// `path?query` without the parameters no recording of `path` has.
    private func known(path: String, query: String?) -> String {
        let recorded = manifest.answers.keys.compactMap { URLComponents(string: $0) }.filter { $0.path == path }
        let names = Set(recorded.flatMap { $0.queryItems?.map(\.name) ?? [] })
        let kept = (query ?? "").split(separator: "&").filter { names.contains(String($0.prefix { $0 != "=" })) }
        return kept.isEmpty && query == nil ? path : "\(path)?\(kept.joined(separator: "&"))"
    }

    /// Runs the neighbour on a loopback port for `body`, which gets its base URL.
    func run<T: Sendable>(_ body: (String) async throws -> T) async throws -> T {
        let router = Router()
        router.get("/**") { [self] request, _ -> Response in
            let path = request.uri.path
            let pathAndQuery = request.uri.query.map { "\(path)?\($0)" } ?? path
            var name = manifest.answers[pathAndQuery] ?? manifest.answers[known(path: path, query: request.uri.query)]
            if name == nil, path == "/api/v1/changes" {
                name = changesFile(since: request.uri.queryParameters.get("since") ?? "0")
            }
            guard let name else {
                unansweredRequests.withLock { $0.append(pathAndQuery) }
                throw HTTPError(.notFound)
            }
            let data = try file(name)
            if path == "/api/v1/changes", request.uri.queryParameters.get("wait") != nil,
                (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["more"] as? Bool == false
            {
                // Caught up: hold the long-poll a little, as the recorded node would have.
                try await Task.sleep(for: .milliseconds(200))
            }
            let type = name.hasSuffix(".png") ? "image/png" : "application/json"
            return Response(
                status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(bytes: Array(data))))
        }
        return try await withRunningApp(
            { onRunning in
                Application(
                    router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                    onServerRunning: { await onRunning($0.localAddress!.port!) })
            }, { port in try await body("http://127.0.0.1:\(port)") })
    }
}
