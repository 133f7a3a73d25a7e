import NIOCore
import Synchronization

/// The HTML of the pages rendered last, by everything they show. Lookups of one name answered by
/// the same group commit see the same counts, so under load one rendering serves the whole batch
/// (rendering a Mustache page was most of the node's own work per cached lookup). Holds at most
/// `capacity` pages and starts afresh when full; a page is a pure function of its key, so a hit
/// is exactly what rendering would give.
final class RenderedPages<Key: Hashable & Sendable>: Sendable {
    private let pages = Mutex<[Key: ByteBuffer]>([:])
    private let capacity: Int

    init(capacity: Int = 256) {
        self.capacity = capacity
    }

    /// The page for `key`, rendered by `render` unless it was kept.
    func html(for key: Key, render: () -> ByteBuffer) -> ByteBuffer {
        if let kept = pages.withLock({ $0[key] }) { return kept }
        let html = render()
        pages.withLock { pages in
            if pages.count >= capacity { pages.removeAll(keepingCapacity: true) }
            pages[key] = html
        }
        return html
    }

    /// Pages kept now (for tests).
    var count: Int { pages.withLock { $0.count } }
}
