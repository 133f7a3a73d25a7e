import NIOCore
import SyncProtocol
import Synchronization
import Testing

@testable import Website

/// Head pages kept by all but their counts give exactly the page rendering gives.
@Suite struct CountedPagesTests {
    static func renderer() async throws -> PageRenderer {
        let node = LocalNode(name: "node-a")
        node.load(NodeIdentity.generate())
        return try await PageRenderer.load(node: node)
    }

    static func view(labels: [String], counts: [Int64], notice: String? = nil) -> HeadPageView {
        let rows = zip(labels, counts.dropFirst(2)).enumerated().map { index, row in
            HeadPageView.Row(origin: "origin-\(index)", count: row.1, isLocal: index == 0, label: row.0)
        }
        return HeadPageView(
            displayName: "Alice", uuid: String(repeating: "a", count: 32), total: counts[0], local: counts[1],
            rows: rows, notice: notice)
    }

    @Test func pagesOfOneShapeAreRenderedOnceAndEqualTheirRendering() async throws {
        let renderer = try await Self.renderer()
        let pages = CountedPages<HeadPageView>()
        let renders = Mutex(0)
        func page(_ view: HeadPageView) -> String {
            String(
                buffer: pages.html(for: view) {
                    renders.withLock { $0 += 1 }
                    return renderer.html("head", title: $0.displayName, $0)
                })
        }
        let labels = ["node-a", "north & <south>", "east"]
        for counts: [Int64] in [[6, 1, 1, 2, 3], [7, 2, 2, 2, 3], [9_000_000_123, 0, 0, 9_000_000_000, 123]] {
            let view = Self.view(labels: labels, counts: counts)
            #expect(page(view) == String(buffer: renderer.html("head", title: "Alice", view)))
        }
        #expect(renders.withLock { $0 } == 1)
        // Anything else the page shows is another shape, rendered once.
        let noticed = Self.view(labels: labels, counts: [6, 1, 1, 2, 3], notice: "stored profile")
        #expect(page(noticed) == String(buffer: renderer.html("head", title: "Alice", noticed)))
        #expect(renders.withLock { $0 } == 2)
        #expect(pages.count == 2)
    }

    /// A label that reads like a marker (a neighbour may name its node anything) cannot move a
    /// count: such a page is rendered whole each time and not kept.
    @Test func aPageWhoseTextLooksLikeAMarkerIsRenderedWhole() async throws {
        let renderer = try await Self.renderer()
        let pages = CountedPages<HeadPageView>()
        for label in [String(CountedPages<HeadPageView>.marker(0)), "x\(CountedPages<HeadPageView>.marker(3))1"] {
            for counts: [Int64] in [[3, 1, 1, 2], [4, 2, 2, 2]] {
                let view = Self.view(labels: ["node-a", label], counts: counts)
                let html = String(buffer: pages.html(for: view) { renderer.html("head", title: $0.displayName, $0) })
                #expect(html == String(buffer: renderer.html("head", title: "Alice", view)))
            }
        }
        #expect(pages.count == 0)
    }
}
