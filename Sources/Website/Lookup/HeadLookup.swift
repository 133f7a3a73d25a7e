import Foundation
import Logging
import SyncProtocol

/// Resolves a username to a profile and head, and counts the lookup.
///
/// A fresh stored profile answers without the upstream; a stale or missing one is resolved again,
/// and when the upstream fails the stored profile (if any) is used with a notice.
struct HeadLookup: Sendable {
    let profiles: ProfileRepository
    let counts: LookupCountRepository
    /// Writes the cached-page lookups in group commits.
    let batcher: LookupBatcher
    let avatars: AvatarRepository
    let upstream: UpstreamClient
    let backoff: UpstreamBackoff
    let resolving: SingleFlight<String, Resolution>
    let fetchingHeads: SingleFlight<String, HeadImage>
    let node: LocalNode
    let profileCacheTime: Duration
    let metrics: NodeMetrics
    let logger: Logger

    /// A successful lookup.
    struct Result: Sendable {
        var profile: Profile
        var counts: HeadCounts
        /// Set when the stored profile was used because the upstream failed.
        var notice: String?
    }

    func lookUp(_ name: Username, countLookup: Bool) async throws -> Result {
        if countLookup,
            let (profile, nodeCounts) = try await batcher.recordLookup(nameKey: name.key)
        {
            metrics.lookupCounted()
            return Result(profile: profile, counts: HeadCounts(perNode: nodeCounts, localNode: node.id), notice: nil)
        }
        var resolution = try await currentProfile(name)
        if resolution.profile.avatarSHA256 == nil, try await !avatars.hasHead(uuid: resolution.profile.uuid),
            let image = try? await fetchHead(uuid: resolution.profile.uuid)
        {
            resolution.profile.avatarSHA256 = image.sha256
        }
        let nodeCounts: [HeadCounts.NodeCount]
        if countLookup {
            nodeCounts = try await counts.recordLookup(origin: node.id, nameKey: name.key)
            metrics.lookupCounted()
        } else {
            nodeCounts = try await counts.counts(nameKey: name.key)
        }
        return Result(
            profile: resolution.profile, counts: HeadCounts(perNode: nodeCounts, localNode: node.id),
            notice: resolution.notice)
    }

    /// The profile to show, and a notice when it is a stored one used in place of the upstream's answer.
    struct Resolution: Sendable {
        var profile: Profile
        var notice: String?
    }

    private func currentProfile(_ name: Username) async throws -> Resolution {
        if let stored = try await profiles.profile(nameKey: name.key),
            stored.isFresh(at: Date(), maximumAge: profileCacheTime)
        {
            return Resolution(profile: stored, notice: nil)
        }
        return try await resolving.run(name.key) { try await resolve(name) }
    }

    /// Asks the upstream, unless a lookup that finished meanwhile stored a fresh profile.
    private func resolve(_ name: Username) async throws -> Resolution {
        let now = Date()
        let stored = try await profiles.profile(nameKey: name.key)
        if let stored, stored.isFresh(at: now, maximumAge: profileCacheTime) {
            return Resolution(profile: stored, notice: nil)
        }
        let answer = backoff.isActive ? .rateLimited(retryAfter: nil) : await upstream.profile(for: name)
        switch answer {
        case .found(let displayName, let uuid):
            let profile = Profile(
                nameKey: name.key, displayName: displayName, uuid: uuid, resolvedAt: now, origin: node.id,
                avatarSHA256: stored?.uuid == uuid ? stored?.avatarSHA256 : nil)
            try await profiles.save(profile)
            return Resolution(profile: profile, notice: nil)
        case .notFound:
            throw LookupError.unknownPlayer(name.raw)
        case .rateLimited(let retryAfter):
            if retryAfter != nil || !backoff.isActive { backoff.pause(for: retryAfter) }
            guard let stored else { throw LookupError.upstreamBusy }
            return Resolution(
                profile: stored, notice: Self.staleNotice(stored, reason: "the profile service asked us to slow down"))
        case .unavailable(let reason):
            guard let stored else { throw LookupError.upstreamUnavailable(reason) }
            return Resolution(profile: stored, notice: Self.staleNotice(stored, reason: reason))
        }
    }

    /// Fetches, stores and links the head of a UUID, once however many requests ask at the same time.
    /// A caller that found no head before a fetch ended starts a flight of its own after it: the
    /// head stored meanwhile is read, not asked for again.
    func fetchHead(uuid: String) async throws -> HeadImage {
        try await fetchingHeads.run(uuid) { [upstream, avatars, profiles, logger, node] in
            if let stored = try await avatars.image(uuid: uuid) { return stored }
            do {
                let image = try await upstream.head(uuid: uuid)
                try await avatars.store(image, uuid: uuid)
                try await profiles.setAvatar(uuid: uuid, sha256: image.sha256, origin: node.id)
                return image
            } catch {
                logger.warning("head fetch failed", metadata: ["uuid": "\(uuid)", "error": "\(error)"])
                throw error
            }
        }
    }

    static func staleNotice(_ profile: Profile, reason: String) -> String {
        let date = profile.resolvedAt.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false))
        return "Showing the profile stored on \(date) UTC: \(reason)."
    }
}

/// Why a lookup could not show a head; the web layer turns each into a page and status.
enum LookupError: Error, Equatable {
    case unknownPlayer(String)
    case upstreamUnavailable(String)
    case upstreamBusy
}
