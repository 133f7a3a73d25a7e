import Foundation
import SyncProtocol

/// A player's profile as the node knows it: the upstream's answer for one lower-cased username.
public struct Profile: Sendable, Equatable, Codable {
    /// Lower-cased username, the profile's key.
    public var nameKey: String
    /// The name with the upstream's capitalisation.
    public var displayName: String
    /// The player's UUID, 32 lower-case hex digits without dashes (Mojang's form).
    public var uuid: String
    /// When the upstream answered; the merge rule's clock.
    public var resolvedAt: Date
    /// The node that asked the upstream.
    public var origin: String
    /// sha256 (hex) of the head PNG, once the node has it.
    public var avatarSHA256: String?

    public init(
        nameKey: String, displayName: String, uuid: String, resolvedAt: Date, origin: String, avatarSHA256: String?
    ) {
        self.nameKey = nameKey
        self.displayName = displayName
        self.uuid = uuid
        self.resolvedAt = resolvedAt
        self.origin = origin
        self.avatarSHA256 = avatarSHA256
    }

    /// Whether the profile is recent enough to answer a lookup without asking the upstream.
    public func isFresh(at now: Date, maximumAge: Duration) -> Bool {
        resolvedAt > Self.freshnessCutoff(at: now, maximumAge: maximumAge)
    }

    /// The freshness rule, the one place it is decided: a profile resolved after this moment is
    /// fresh at `now`. The cached-page statement compares stored profiles with it in SQL, so both
    /// paths of a lookup judge on the node's clock, the clock that stamps its own profiles.
    public static func freshnessCutoff(at now: Date, maximumAge: Duration) -> Date {
        now.addingTimeInterval(-maximumAge.seconds)
    }
}
