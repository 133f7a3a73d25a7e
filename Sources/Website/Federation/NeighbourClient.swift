import AsyncHTTPClient
import Foundation
import NIOCore
import SyncProtocol

/// Talks to a neighbour's sync API, with a deadline on every request and a bound on every answer.
/// A neighbour's `base` is a ``NeighbourBase`` in its text form.
struct NeighbourClient: Sendable {
    let httpClient: HTTPClient
    /// For neighbours behind TLS (`https://` entries).
    let tlsClients: NeighbourTLSClients
    /// Added to the long-poll wait for the request's deadline.
    let timeout: Duration
    let maximumResponseBytes: Int

    /// What `GET /api/v1/node` says (fields a previous release does not send are optional).
    struct NodeInfo: Codable, Sendable, Equatable {
        var nodeId: String
        var name: String
        var upstreamRealm: String?
    }

    func nodeInfo(at base: String) async throws -> NodeInfo {
        try decode(NodeInfo.self, from: try await get(base, "/api/v1/node", deadline: timeout, limit: 64 * 1024))
    }

    /// The changes after `since`; `epoch`, the epoch `since` belongs to, lets a neighbour whose
    /// feed has another epoch answer at once (nodes before 0.3.0 ignore it and long-poll).
    func changes(
        at base: String, since: FeedPosition, limit: Int, wait: Duration, epoch: String? = nil
    ) async throws -> ChangesDocument {
        let waitSeconds = String(format: "%.3f", wait.seconds)
        var path = "/api/v1/changes?since=\(since)&limit=\(limit)&wait=\(waitSeconds)"
        if let epoch, let encoded = epoch.addingPercentEncoding(withAllowedCharacters: .alphanumerics) {
            path += "&epoch=\(encoded)"
        }
        let body = try await get(base, path, deadline: wait + timeout, limit: maximumResponseBytes)
        return try decode(ChangesDocument.self, from: body)
    }

    /// Digests of the ranges under each of `prefixes` (one length) over `kinds` (all kinds a
    /// neighbour before 0.3.0 digests when nil), and the answer's size in bytes. Several prefixes
    /// go to a neighbour that announced ``DigestsDocument/maximumPrefixes`` only.
    func digests(at base: String, prefixes: [String], kinds: [RecordKind]?) async throws -> (DigestsDocument, Int) {
        let body = try await get(
            base, "/api/v1/digests?\(Self.rangesParameter(prefixes))\(Self.kindsParameter(kinds))", deadline: timeout,
            limit: 1024 * 1024)
        return (try decode(DigestsDocument.self, from: body), body.readableBytes)
    }

    /// The records of the ranges, of `kinds` as in ``digests(at:prefixes:kinds:)``, and the
    /// answer's size in bytes.
    func records(at base: String, prefixes: [String], kinds: [RecordKind]?) async throws -> (RecordsDocument, Int) {
        let body = try await get(
            base, "/api/v1/records?\(Self.rangesParameter(prefixes))\(Self.kindsParameter(kinds))", deadline: timeout,
            limit: maximumResponseBytes)
        return (try decode(RecordsDocument.self, from: body), body.readableBytes)
    }

    /// One range as `prefix=`, as every version reads it; several as `prefixes=`.
    private static func rangesParameter(_ prefixes: [String]) -> String {
        prefixes.count == 1 ? "prefix=\(prefixes[0])" : "prefixes=\(prefixes.joined(separator: ","))"
    }

    private static func kindsParameter(_ kinds: [RecordKind]?) -> String {
        kinds.map { "&kinds=\($0.map(\.rawValue).joined(separator: ","))" } ?? ""
    }

    /// A head by hash; the bytes must hash to the name and be a PNG within the size bound.
    func head(at base: String, sha256: String) async throws -> HeadImage {
        let body = try await get(base, "/api/v1/avatars/\(sha256)", deadline: timeout, limit: HeadImage.maximumSize)
        let image = try HeadImage(validating: Array(buffer: body))
        guard image.sha256 == sha256 else { throw NeighbourError.hashMismatch }
        return image
    }

    private func get(_ base: String, _ path: String, deadline: Duration, limit: Int) async throws -> ByteBuffer {
        let base = NeighbourBase(parsing: base)
        let client = base.url.hasPrefix("https://") ? tlsClients.client(for: base) : httpClient
        let response = try await client.execute(
            HTTPClientRequest(url: base.url + path), timeout: .nanoseconds(deadline.wholeNanoseconds))
        // Redirects are not followed (the HTTP clients disallow them): a neighbour must not send
        // this node to an address nobody configured.
        if (300..<400).contains(response.status.code) { throw NeighbourError.redirected(response.status.code) }
        guard response.status == .ok else { throw NeighbourError.status(response.status.code) }
        do {
            return try await response.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw NeighbourError.tooLarge(limit)
        }
    }

    private func decode<T: Decodable>(_ type: T.Type, from body: ByteBuffer) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: body)
        } catch {
            throw NeighbourError.malformed
        }
    }
}

enum NeighbourError: Error, CustomStringConvertible, Equatable {
    case status(UInt)
    case redirected(UInt)
    case tooLarge(Int)
    case malformed
    case hashMismatch
    case wrongNode(String)
    case badPosition
    case badDigests

    var description: String {
        switch self {
        case .status(let code): return "answered HTTP \(code)"
        case .redirected(let code): return "answered with a redirect (HTTP \(code)), which is not followed"
        case .tooLarge(let limit): return "answer larger than \(limit) bytes"
        case .malformed: return "answer is not the expected JSON"
        case .hashMismatch: return "head bytes do not hash to their name"
        case .wrongNode(let id): return "address now serves node \(id.prefix(12))…"
        case .badPosition: return "feed position went backwards or is malformed"
        case .badDigests: return "digests outside the range asked for, or of kinds not asked for"
        }
    }
}
