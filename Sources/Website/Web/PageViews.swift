import Foundation
import Mustache
import SyncProtocol

// The values each page's Mustache template shows, one type per template; ``PageRenderer`` adds
// the title and this node, which every page's header and footer show. Each answers Mustache's
// lookups by name (`MustacheParent`, a nil value is an empty section) instead of leaving them to
// reflection, which made rendering a page a quarter slower; `PageViewTests` checks that every
// stored property is answered.

/// `index.mustache`: the most and the most recently looked-up heads.
struct IndexPageView: Sendable {
    struct Listing: Sendable {
        struct Item: Sendable {
            var displayName: String
            var total: Int64
            var lastLookupISO: String
            var lastLookupText: String
            /// No head to show while the node has no profile for the name.
            var avatarPath: String?
        }
        var items: [Item]
    }

    var mostLookedUp: Listing?
    var recent: Listing?
    var connectedNodes: Int
    var connectedOne: Bool

    init(mostLookedUp: [LookupCountRepository.HeadSummary], recent: [LookupCountRepository.HeadSummary], connected: Int)
    {
        self.mostLookedUp = Self.listing(mostLookedUp)
        self.recent = Self.listing(recent)
        self.connectedNodes = connected
        self.connectedOne = connected == 1
    }

    private static func listing(_ heads: [LookupCountRepository.HeadSummary]) -> Listing? {
        guard !heads.isEmpty else { return nil }
        return Listing(
            items: heads.map { head in
                Listing.Item(
                    displayName: head.displayName, total: head.total,
                    lastLookupISO: head.lastLookupAt.formatted(.iso8601),
                    lastLookupText: head.lastLookupAt.formatted(date: .abbreviated, time: .shortened),
                    avatarPath: head.uuid.map(AvatarPaths.path(uuid:)))
            })
    }
}

/// `head.mustache`: one player's head and its counts per node. Everything it shows is stored
/// here, so two lookups with equal views get the same page (``CountedPages`` keeps it by all but its counts).
struct HeadPageView: Hashable, Sendable {
    struct Row: Hashable, Sendable {
        var origin: String
        var count: Int64
        var isLocal: Bool
        var label: String
    }

    var displayName: String
    var nameKey: String
    /// Dashed.
    var uuid: String
    var avatarPath: String
    var total: Int64
    var local: Int64
    var perNode: [Row]
    var notice: String?
    /// The lookup form's value.
    var username: String

    init(displayName: String, uuid: String, total: Int64, local: Int64, rows: [Row], notice: String?) {
        self.displayName = displayName
        self.nameKey = displayName.lowercased()
        self.uuid = PlayerUUID.dashed(uuid)
        self.avatarPath = AvatarPaths.path(uuid: uuid)
        (self.total, self.local, self.perNode, self.notice) = (total, local, rows, notice)
        self.username = displayName
    }
}

/// `federation.mustache`: the neighbours, the map, the blocklist and the purges.
struct FederationPageView: Sendable {
    struct Neighbour: Sendable {
        var name: String
        var nodeId: String
        var address: String
        var state: String
        var stateReason: String?
        var connected: Bool
        var lastSuccess: String
        var lastError: String?
        var lag: Int64
        var merged: Int64
        var rejected: Int64
        /// "reason: count" for each reason, or nil when nothing was refused.
        var rejectedReasons: String?
    }

    struct Purge: Sendable {
        var origin: String
        var counts: Int64
        var profiles: Int64
        var nodes: Int64
        var reason: String
        var when: String
    }

    var neighbours: [Neighbour]?
    var count: Int
    var selfId: String
    var selfAddresses: String?
    /// One sentence per neighbours list with entries that are not a neighbour's address.
    var peersListProblems: [String]?
    var stalledFeed: String?
    /// SVG, shown unescaped (built by ``FederationDrawing``, which escapes every name in it).
    var map: String
    var blocked: [String]?
    var purges: [Purge]?
}

/// `error.mustache`.
struct ErrorPageView: Sendable {
    var status: Int
    var heading: String
    var message: String
    /// The lookup form's value: the name that was asked for.
    var username: String
}
