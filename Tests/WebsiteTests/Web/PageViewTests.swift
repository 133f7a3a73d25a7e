import Foundation
import Mustache
import Testing

@testable import Website

/// Each page view answers Mustache's lookup of every one of its stored properties with that
/// property's value, so a property added to a view but not to its `child(named:)` fails here
/// instead of rendering as nothing.
@Suite struct PageViewTests {
    static func expectEveryPropertyAnswered(
        _ view: some MustacheParent, _ sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let mirror = Mirror(reflecting: view)
        #expect(!mirror.children.isEmpty, sourceLocation: sourceLocation)
        for child in mirror.children {
            let label = child.label ?? "?"
            // A nil optional is answered by nil, any other value by itself.
            let stored: Any? =
                Mirror(reflecting: child.value).displayStyle == .optional
                ? Mirror(reflecting: child.value).children.first?.value : child.value
            let answered = view.child(named: label)
            #expect(
                answered.map { String(describing: $0) } ?? "nil" == stored.map { String(describing: $0) } ?? "nil",
                "\(type(of: view)).\(label)", sourceLocation: sourceLocation)
        }
        #expect(view.child(named: "noSuchField") == nil, sourceLocation: sourceLocation)
    }

    @Test func everyViewAnswersEveryProperty() {
        let row = HeadPageView.Row(origin: "origin-a", count: 3, isLocal: true, label: "a (this node)")
        for notice in [nil, "the profile service is slow"] {
            Self.expectEveryPropertyAnswered(
                HeadPageView(
                    displayName: "Notch", uuid: "069a79f444e94726a5befca90e38aaf5", total: 5, local: 3, rows: [row],
                    notice: notice))
        }
        Self.expectEveryPropertyAnswered(row)
        let item = IndexPageView.Listing.Item(
            displayName: "Notch", total: 5, lastLookupISO: "2026-12-04T10:00:00Z", lastLookupText: "4 Dec",
            avatarPath: "/avatars/x.png")
        Self.expectEveryPropertyAnswered(item)
        Self.expectEveryPropertyAnswered(IndexPageView.Listing(items: [item]))
        Self.expectEveryPropertyAnswered(IndexPageView(mostLookedUp: [], recent: [], connected: 1))
        let neighbour = FederationPageView.Neighbour(
            name: "b", nodeId: "id-b", address: "http://b:8080", state: "idle", stateReason: "why", connected: true,
            lastSuccess: "never", lastError: nil, lag: 2, merged: 7, rejected: 1, rejectedReasons: "bad signature: 1")
        Self.expectEveryPropertyAnswered(neighbour)
        let purge = FederationPageView.Purge(
            origin: "o", counts: 1, profiles: 2, nodes: 3, reason: "blocked", when: "today")
        Self.expectEveryPropertyAnswered(purge)
        Self.expectEveryPropertyAnswered(
            FederationPageView(
                neighbours: [neighbour], count: 1, selfId: "id-a", selfAddresses: "a:8080", stalledFeed: nil,
                map: "<svg/>", blocked: ["x"], purges: [purge]))
        Self.expectEveryPropertyAnswered(ErrorPageView(status: 404, heading: "Not found", message: "m", username: "u"))
        let page = PageRenderer.Page(
            title: "t", node: .init(name: "a", id: "id-a", version: "0.4.0"),
            page: ErrorPageView(
                status: 404, heading: "h", message: "m", username: ""))
        Self.expectEveryPropertyAnswered(page)
        Self.expectEveryPropertyAnswered(page.node)
    }
}
