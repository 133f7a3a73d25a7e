import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import SyncProtocol

/// Mojang's profile API and the avatar service, asked with a timeout and a size bound on every answer.
struct UpstreamClient: Sendable {
    let httpClient: HTTPClient
    /// Base URL of the profile API; a name is resolved at `/users/profiles/minecraft/NAME`.
    let profileBaseURL: String
    /// Base URL of the avatar service; a head is fetched at `/UUID`.
    let avatarBaseURL: String
    let timeout: Duration
    let metrics: NodeMetrics
    let logger: Logger

    /// What the upstream said about a name.
    enum ProfileAnswer: Sendable, Equatable {
        case found(displayName: String, uuid: String)
        case notFound
        case rateLimited(retryAfter: Duration?)
        case unavailable(reason: String)
    }

    func profile(for name: Username) async -> ProfileAnswer {
        let answer = await askProfile(for: name)
        let outcome: String
        switch answer {
        case .found: outcome = "found"
        case .notFound: outcome = "not_found"
        case .rateLimited: outcome = "rate_limited"
        case .unavailable: outcome = "unavailable"
        }
        metrics.upstreamCalled("profile", outcome: outcome)
        return answer
    }

    private func askProfile(for name: Username) async -> ProfileAnswer {
        let url = "\(profileBaseURL)/users/profiles/minecraft/\(name.raw)"
        do {
            let response = try await httpClient.execute(HTTPClientRequest(url: url), timeout: timeAmount)
            switch response.status.code {
            case 200:
                let body = try await response.body.collect(upTo: 64 * 1024)
                struct MojangProfile: Decodable {
                    var id: String
                    var name: String
                }
                guard let decoded = try? JSONDecoder().decode(MojangProfile.self, from: body),
                    let uuid = PlayerUUID.normalise(decoded.id),
                    (try? Username(validating: decoded.name)) != nil
                else {
                    return .unavailable(reason: "the profile service sent a malformed profile")
                }
                return .found(displayName: decoded.name, uuid: uuid)
            case 204, 404:
                return .notFound
            case 429:
                let retryAfter = response.headers.first(name: "retry-after").flatMap(Int.init).map {
                    Duration.seconds(max(1, min($0, 3600)))
                }
                return .rateLimited(retryAfter: retryAfter)
            default:
                return .unavailable(reason: "the profile service answered \(response.status.code)")
            }
        } catch {
            logger.warning("profile request failed", metadata: ["url": "\(url)", "error": "\(error)"])
            return .unavailable(reason: Self.describe(error))
        }
    }

    /// Fetches the head PNG of a player; throws when it is missing, too large or not a PNG.
    func head(uuid: String) async throws -> HeadImage {
        do {
            let image = try await fetchHead(uuid: uuid)
            metrics.upstreamCalled("avatar", outcome: "found")
            return image
        } catch {
            metrics.upstreamCalled("avatar", outcome: "failed")
            throw error
        }
    }

    private func fetchHead(uuid: String) async throws -> HeadImage {
        let url = "\(avatarBaseURL)/\(uuid)"
        let response = try await httpClient.execute(HTTPClientRequest(url: url), timeout: timeAmount)
        guard response.status == .ok else { throw UpstreamError.status(response.status.code) }
        if let type = response.headers.first(name: "content-type"), !type.lowercased().hasPrefix("image/png") {
            throw UpstreamError.wrongType(type)
        }
        let body = try await response.body.collect(upTo: HeadImage.maximumSize)
        return try HeadImage(validating: Array(buffer: body))
    }

    private var timeAmount: TimeAmount { .nanoseconds(timeout.wholeNanoseconds) }

    static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError, error == .deadlineExceeded || error == .readTimeout {
            return "the profile service did not answer in time"
        }
        return "the profile service could not be reached"
    }
}

enum UpstreamError: Error, CustomStringConvertible {
    case status(UInt)
    case wrongType(String)

    var description: String {
        switch self {
        case .status(let code): return "the avatar service answered \(code)"
        case .wrongType(let type): return "the avatar service sent \(type), not a PNG"
        }
    }
}
