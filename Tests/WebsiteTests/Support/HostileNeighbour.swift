import Foundation
import Hummingbird
import SyncProtocol
import Synchronization

@testable import Website

/// A small server that speaks the sync protocol correctly with keys of its own, and serves
/// whatever records a test gives it: a neighbour that lies with valid signatures. Its feed is the
/// list of records in order (position `1.N` after the Nth); `append` adds to it while it runs.
/// A caught-up long-poll is held for at most `longPollHold` seconds. Heads are served once
/// offered (`offerHead`), each after refusing its first requests if told to.
final class HostileNeighbour: Sendable {
    let identity = NodeIdentity.generate()
    let name: String
    private let realm: Mutex<String?>
    /// The profile service it names in `/api/v1/node` (nil: none, as a node before 0.2.0); a test
    /// may change it while the neighbour runs, as an upgrade or a reconfiguration does.
    var upstreamRealm: String? {
        get { realm.withLock { $0 } }
        set { realm.withLock { $0 = newValue } }
    }
    let longPollHold: Double
    private let records = Mutex<[WireRecord]>([])
    private let requests = Mutex<[String]>([])
    /// Offered heads by sha256, with how many more requests to refuse.
    private let heads = Mutex<[String: (png: [UInt8], refusals: Int)]>([:])
    private let headRequests = Mutex<[String]>([])

    /// How its digests lie (nil: it has no records, and says so).
    enum DigestLie: Sendable, CaseIterable {
        /// Every range differs, with counts that add up, down to the narrowest ranges, whose
        /// records never come.
        case alwaysDiffer
        /// Every range claims 1,000 records, whatever its parent claimed.
        case countsDoNotAddUp
        /// Ranges that are not within the one asked for.
        case outsideRange
    }
    private let lie = Mutex<DigestLie?>(nil)
    var digestLie: DigestLie? {
        get { lie.withLock { $0 } }
        set { lie.withLock { $0 = newValue } }
    }
    /// Whether it announces and answers several ranges per digests request (`prefixes=`), as
    /// nodes from 0.4.0 do; otherwise one range each, as before.
    let answersBatches: Bool
    private let reconciliationRequests = Mutex(0)
    /// Digest and records requests answered so far.
    var reconciliationRequestCount: Int { reconciliationRequests.withLock { $0 } }

    /// The `since` of every changes request, in order.
    var requestedPositions: [String] { requests.withLock { $0 } }
    /// The sha256 of every head request, in order.
    var requestedHeads: [String] { headRequests.withLock { $0 } }

    init(name: String = "hostile", upstreamRealm: String?, longPollHold: Double = 0.2, answersBatches: Bool = false) {
        self.name = name
        self.answersBatches = answersBatches
        self.realm = Mutex(upstreamRealm)
        self.longPollHold = longPollHold
    }

    /// Serves `png` by its sha256, after answering its first `refusals` requests with 404.
    func offerHead(_ png: [UInt8], refusals: Int = 0) {
        heads.withLock { $0[HeadImage.hash(png)] = (png, refusals) }
    }

    var nodeID: String { identity.nodeID }

    func append(_ new: [SyncRecord]) {
        records.withLock { $0 += new.map { WireRecord($0) } }
    }

    /// Serves records as given, of any kind (a newer version's, say).
    func append(wire new: [WireRecord]) {
        records.withLock { $0 += new }
    }

    static func randomDigest() -> String {
        String(UInt64.random(in: 0...UInt64.max), radix: 16).leftPadded(to: 16)
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
                let wait = min(Double(query.get("wait") ?? "0") ?? 0, longPollHold)
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
        router.get("/api/v1/digests") { [self] request, _ -> DigestsDocument in
            reconciliationRequests.withLock { $0 += 1 }
            let query = request.uri.queryParameters
            let batch = answersBatches ? query.get("prefixes").map { $0.split(separator: ",").map(String.init) } : nil
            let prefixes = batch ?? [query.get("prefix") ?? ""]
            let digits = Array("0123456789abcdef")
            let narrowest = RangePlan.maximumPrefixLength
            let ranges: [RangeDigest] = prefixes.flatMap { prefix -> [RangeDigest] in
                switch digestLie {
                case nil: []
                case .alwaysDiffer:
                    digits.map {
                        let length = prefix.count + 1
                        let count = Int64(RangePlan.leafSize + 1) << (4 * Int64(narrowest - length))
                        return RangeDigest(prefix: prefix + String($0), count: count, digest: Self.randomDigest())
                    }
                case .countsDoNotAddUp:
                    digits.map { RangeDigest(prefix: prefix + String($0), count: 1000, digest: Self.randomDigest()) }
                case .outsideRange:
                    [RangeDigest(prefix: prefix + "00", count: 1000, digest: Self.randomDigest())]
                }
            }
            return DigestsDocument(
                nodeId: nodeID, prefix: prefixes[0], prefixes: batch,
                maximumPrefixes: answersBatches ? RangePlan.maximumPrefixesPerRequest : nil,
                kinds: query.get("kinds").map { $0.split(separator: ",").map(String.init) },
                ranges: ranges)
        }
        router.get("/api/v1/records") { [self] request, _ -> RecordsDocument in
            reconciliationRequests.withLock { $0 += 1 }
            return RecordsDocument(
                nodeId: nodeID, prefix: request.uri.queryParameters.get("prefix") ?? "",
                kinds: request.uri.queryParameters.get("kinds").map { $0.split(separator: ",").map(String.init) },
                records: [])
        }
        router.get("/api/v1/avatars/{sha256}") { [self] _, context -> Response in
            let sha256 = try context.parameters.require("sha256")
            headRequests.withLock { $0.append(sha256) }
            let png = heads.withLock { heads -> [UInt8]? in
                guard let offered = heads[sha256] else { return nil }
                guard offered.refusals == 0 else {
                    heads[sha256] = (offered.png, offered.refusals - 1)
                    return nil
                }
                return offered.png
            }
            guard let png else { throw HTTPError(.notFound) }
            return Response(
                status: .ok, headers: [.contentType: "image/png"], body: .init(byteBuffer: ByteBuffer(bytes: png)))
        }
        return try await withRunningApp(
            { onRunning in
                Application(
                    router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                    onServerRunning: { await onRunning($0.localAddress!.port!) })
            }, { port in try await body("http://127.0.0.1:\(port)") })
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
