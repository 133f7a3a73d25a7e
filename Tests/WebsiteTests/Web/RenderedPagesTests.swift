import NIOCore
import Synchronization
import Testing

@testable import Website

@Suite struct RenderedPagesTests {
    /// Equal keys share one rendering; another key renders its own page; a full cache starts afresh.
    @Test func aPageIsRenderedOncePerKeyUntilTheCacheIsFull() {
        let pages = RenderedPages<String>(capacity: 2)
        let renders = Mutex(0)
        func page(_ key: String) -> String {
            let html = pages.html(for: key) {
                renders.withLock { $0 += 1 }
                return ByteBuffer(string: "page of \(key)")
            }
            return String(buffer: html)
        }
        #expect(page("a") == "page of a")
        #expect(page("a") == "page of a")
        #expect(renders.withLock { $0 } == 1)
        #expect(page("b") == "page of b")
        #expect(renders.withLock { $0 } == 2)
        #expect(pages.count == 2)
        #expect(page("c") == "page of c")
        #expect(pages.count == 1)
        #expect(page("a") == "page of a")
        #expect(renders.withLock { $0 } == 4)
    }
}
