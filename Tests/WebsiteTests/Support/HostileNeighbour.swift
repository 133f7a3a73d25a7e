import Foundation
import Hummingbird
import SyncProtocol
import Synchronization

@testable import Website

/// A small server that speaks the sync protocol correctly with keys of its own, and serves
/// whatever records a test gives it: a neighbour that lies with valid signatures. Its feed is the
/// list of records in order (position `1.N` after the Nth); `append` adds to it while it runs.
final class HostileNeighbour: Sendable {
    let identity = NodeIdentity.generate()
    let name: String
    let upstreamRealm: String?
    private let records = Mutex<[WireRecord]>([])
    private let requests = Mutex<[String]>([])

    /// The `since` of every changes request, in order.
    var requestedPositions: [String] { requests.withLock { $0 } }

    init(name: String = "hostile", upstreamRealm: String?) {
        self.name = name
        self.upstreamRealm = upstreamRealm
    }

    var nodeID: String { identity.nodeID }

    func append(_ new: [SyncRecord]) {
        records.withLock { $0 += new.map { WireRecord($0) } }
    }

    /// Microseconds since 1970 now.
    static var now: Int64 { PlausibilityRules.nowMicros() }

    struct NodeDocument: ResponseEncodable {
        var nodeId: String
        var name: String
        var upstreamRealm: String?
    }

    /// Runs the neighbour on a loopback port for `body`, which gets its base URL.
    func run<T: Sendable>(_ body: (String) async throws -> T) async throws -> T {
        let router = Router()
        router.get("/api/v1/node") { [self] _, _ in
            NodeDocument(nodeId: nodeID, name: name, upstreamRealm: upstreamRealm)
        }
        router.get("/api/v1/changes") { [self] request, _ -> ChangesDocument in
            let query = request.uri.queryParameters
            let since = FeedPosition(query.get("since") ?? "0") ?? .beginning
            requests.withLock { $0.append(since.description) }
            let limit = Int(query.get("limit") ?? "1000") ?? 1000
            let all = records.withLock { $0 }
            let start = Int(since.sequence)
            let page = Array(all.dropFirst(start).prefix(limit))
            if page.isEmpty {
                // Caught up: hold the long-poll a little, as a real node would.
                let wait = min(Double(query.get("wait") ?? "0") ?? 0, 0.2)
                try await Task.sleep(for: .milliseconds(Int(wait * 1000)))
            }
            let end = start + page.count
            return ChangesDocument(
                nodeId: nodeID, since: since.description,
                next: end == 0 ? "0" : FeedPosition(transaction: 1, sequence: Int64(end)).description,
                more: end < all.count, latestSequence: Int64(all.count),
                records: page.enumerated().map { index, wire in
                    var wire = wire
                    wire.sequence = Int64(start + index + 1)
                    return wire
                })
        }
        return try await withRunningApp(
            { onRunning in
                Application(
                    router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                    onServerRunning: { await onRunning($0.localAddress!.port!) })
            }, { port in try await body("http://127.0.0.1:\(port)") })
    }
}
