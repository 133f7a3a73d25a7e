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
    let avatars: HeadImageRepository
    let upstream: UpstreamClient
    let limits: UpstreamLimits
    let resolving: SingleFlight<String, Resolution>
    let fetchingHeads: SingleFlight<String, HeadImage>
    /// Told when an own profile may be left without its head (``HeadRetry`` then looks).
    let headsToRetry: HeadRetry.Pending
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

    /// `client` is the visitor's ``ClientKey``: lookups that need the profile service take from
    /// its allowance; lookups answered from stored data are never limited.
    func lookUp(_ name: Username, countLookup: Bool, client: String = "unknown") async throws -> Result {
        if countLookup,
            let (profile, nodeCounts) = try await batcher.recordLookup(nameKey: name.key)
        {
            metrics.lookupCounted()
            return Result(profile: profile, counts: HeadCounts(perNode: nodeCounts, localNode: node.id), notice: nil)
        }
        // A lookup whose flight saved the profile has its count and the UUID's stored head from
        // that one statement (``ProfileRepository/save(_:countingLookupBy:)``); one that shared
        // another's flight, or was answered from a stored profile, reads and counts on its own.
        let caller = UUID()
        var resolution = try await currentProfile(name, client: client, counting: countLookup, caller: caller)
        let saved = resolution.savedBy == caller ? resolution.saved : nil
        if resolution.profile.avatarSHA256 == nil {
            if let head = saved?.servedHead {
                // Stored under another profile of the UUID: ``HeadRetry`` names it in this one.
                headsToRetry.mark()
                resolution.profile.avatarSHA256 = head
            } else if let image = try? await upstreamHead(uuid: resolution.profile.uuid, storedChecked: saved != nil) {
                // A head the node holds already (linked, or named by another profile of the UUID)
                // is read by the fetch's first step, unless the save just said there is none.
                resolution.profile.avatarSHA256 = image.sha256
            }
        }
        let nodeCounts: [HeadCounts.NodeCount]
        if let saved {
            nodeCounts = saved.counts
            if countLookup { metrics.lookupCounted() }
        } else if countLookup {
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
        /// What the save of a profile resolved upstream learnt, for the lookup whose flight it
        /// was (`savedBy`): the others of a shared flight did not count theirs.
        var saved: ProfileRepository.Saved? = nil
        var savedBy: UUID? = nil
    }

    /// The stored profile when it is fresh, otherwise the upstream's answer: once per name however
    /// many lookups ask at the same time (the stored profile is read inside the flight, so a
    /// lookup that waited for another's flight reads what it stored and asks nothing).
    private func currentProfile(
        _ name: Username, client: String, counting: Bool, caller: UUID
    ) async throws -> Resolution {
        try await resolving.run(name.key) {
            try await resolve(name, client: client, countingLookupBy: counting ? node.id : nil, caller: caller)
        }
    }

    /// Asks the upstream, unless the stored profile is fresh, the name is known to be missing, the
    /// client has used up its allowance or the profile service is paused (then a stored profile
    /// is shown with a notice, or the lookup fails with the reason).
    private func resolve(
        _ name: Username, client: String, countingLookupBy origin: String?, caller: UUID
    ) async throws -> Resolution {
        let now = Date()
        let stored = try await profiles.profile(nameKey: name.key)
        if let stored, stored.isFresh(at: now, maximumAge: profileCacheTime) {
            return Resolution(profile: stored, notice: nil)
        }
        if limits.isKnownMissing(name.key) { throw LookupError.unknownPlayer(name.raw) }
        let answer: UpstreamClient.ProfileAnswer
        do {
            try await limits.takeAllowance(client)
            answer = try await limits.profiles.run {
                let answer = await upstream.profile(for: name)
                return (answer, answer.health)
            }
        } catch let error as LookupError {
            guard let stored else { throw error }
            return Resolution(
                profile: stored, notice: Self.staleNotice(stored, reason: "you have looked up many new names"))
        } catch let refusal as UpstreamRefusal {
            limits.gateRefused(refusal)
            limits.giveBackAllowance(client)
            guard let stored else { throw LookupError.upstreamBusy(retryAfter: refusal.retryAfter) }
            return Resolution(profile: stored, notice: Self.staleNotice(stored, reason: refusal.description))
        }
        switch answer {
        case .found(let displayName, let uuid):
            let profile = Profile(
                nameKey: name.key, displayName: displayName, uuid: uuid, resolvedAt: now, origin: node.id,
                avatarSHA256: stored?.uuid == uuid ? stored?.avatarSHA256 : nil)
            let saved = try await profiles.save(profile, countingLookupBy: origin)
            return Resolution(profile: profile, notice: nil, saved: saved, savedBy: caller)
        case .notFound:
            limits.rememberMissing(name.key)
            throw LookupError.unknownPlayer(name.raw)
        case .rateLimited(let retryAfter):
            guard let stored else {
                throw LookupError.upstreamBusy(retryAfter: retryAfter ?? UpstreamHealth.defaultRateLimitPause)
            }
            return Resolution(
                profile: stored, notice: Self.staleNotice(stored, reason: "the profile service asked us to slow down"))
        case .unavailable(let reason):
            guard let stored else { throw LookupError.upstreamUnavailable(reason) }
            return Resolution(profile: stored, notice: Self.staleNotice(stored, reason: reason))
        }
    }

    /// Fetches the head of a UUID from the avatar service (neighbours' heads come through
    /// ``NeighbourHeadFetcher``), stores and links it, once however many requests ask at the same time.
    /// A caller that found no head before a fetch ended starts a flight of its own after it: the
    /// head stored meanwhile is read, not asked for again.
    ///
    /// A head that is not fetched and stored here (it failed, or one stored under another
    /// profile of the UUID is returned) may leave an own profile without it: ``HeadRetry`` is told.
    /// `storedChecked`: the caller has just read that the node holds no head for the UUID, so a
    /// flight it starts does not read it again.
    func upstreamHead(uuid: String, storedChecked: Bool = false) async throws -> HeadImage {
        do {
            return try await fetchAndStoreHead(uuid: uuid, storedChecked: storedChecked)
        } catch {
            headsToRetry.mark()
            throw error
        }
    }

    private func fetchAndStoreHead(uuid: String, storedChecked: Bool) async throws -> HeadImage {
        try await fetchingHeads.run(uuid) { [upstream, avatars, logger, node, limits, headsToRetry] in
            if !storedChecked, let stored = try await avatars.image(uuid: uuid) {
                headsToRetry.mark()
                return stored
            }
            // A head that failed a moment ago is not asked for on every view of its page.
            if limits.headFailedRecently(uuid) { throw UpstreamError.failedRecently }
            do {
                let fetched = try await limits.avatars.run {
                    () -> (Swift.Result<HeadImage, any Error>, UpstreamHealth.Outcome) in
                    do {
                        return (.success(try await upstream.head(uuid: uuid)), .answered)
                    } catch {
                        return (.failure(error), UpstreamClient.health(afterHeadError: error))
                    }
                }
                let image = try fetched.get()
                limits.headFetched(uuid)
                try await avatars.storeOwn(image, uuid: uuid, origin: node.id)
                return image
            } catch let refusal as UpstreamRefusal {
                limits.gateRefused(refusal)
                throw refusal
            } catch {
                limits.headFailed(uuid)
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
    /// The profile service asked us to slow down, is paused after failures, or too many
    /// lookups wait for it.
    case upstreamBusy(retryAfter: Duration)
    /// This client has used up its allowance of lookups that need the profile service.
    case overAllowance(retryAfter: Duration)
}
