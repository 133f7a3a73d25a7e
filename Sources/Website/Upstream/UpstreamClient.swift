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
                return .rateLimited(retryAfter: UpstreamHealth.retryAfter(response.headers.first(name: "retry-after")))
            case 300..<400:
                // Redirects are not followed (the HTTP client disallows them): a profile service
                // must not send this node to an address nobody configured.
                logger.warning(
                    "the profile service redirected; not followed",
                    metadata: ["url": "\(url)", "location": "\(response.headers.first(name: "location") ?? "")"])
                return .unavailable(reason: "the profile service answered with a redirect, which is not followed")
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
        if response.status == .tooManyRequests {
            throw UpstreamError.rateLimited(UpstreamHealth.retryAfter(response.headers.first(name: "retry-after")))
        }
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

extension UpstreamClient.ProfileAnswer {
    /// What this answer says of the profile service's health.
    var health: UpstreamHealth.Outcome {
        switch self {
        case .found, .notFound: return .answered
        case .rateLimited(let retryAfter): return .rateLimited(retryAfter: retryAfter)
        case .unavailable: return .failed
        }
    }
}

extension UpstreamClient {
    /// What a failed head fetch says of the avatar service's health: a head it does not have or
    /// that is not a PNG says nothing against the service; 5xx, redirects, timeouts and refused
    /// connections do.
    static func health(afterHeadError error: any Error) -> UpstreamHealth.Outcome {
        switch error {
        case UpstreamError.rateLimited(let retryAfter): return .rateLimited(retryAfter: retryAfter)
        case UpstreamError.status(let code) where code >= 300 && code < 400 || code >= 500: return .failed
        case is UpstreamError, is HeadImageError: return .answered
        default: return .failed
        }
    }
}

enum UpstreamError: Error, CustomStringConvertible {
    case status(UInt)
    case wrongType(String)
    case rateLimited(Duration?)
    /// The head's fetch failed a moment ago; it is not asked for again yet.
    case failedRecently

    var description: String {
        switch self {
        case .status(let code) where code >= 300 && code < 400:
            return "the avatar service answered with a redirect (\(code)), which is not followed"
        case .status(let code): return "the avatar service answered \(code)"
        case .wrongType(let type): return "the avatar service sent \(type), not a PNG"
        case .rateLimited: return "the avatar service asked us to slow down"
        case .failedRecently: return "this head could not be fetched a moment ago; not asked for again yet"
        }
    }
}
