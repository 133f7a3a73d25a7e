import SyncProtocol
import Testing

@testable import Website

@Suite struct LocalNodeTests {
    /// A service waiting for the identity ends when its task is cancelled before start-up loaded
    /// it (a node stopped, or whose start-up failed, would otherwise never end), whether the
    /// cancellation comes before or during the wait; once loaded, waiting returns true at once.
    @Test func waitingForTheIdentityEndsOnCancellation() async throws {
        let node = LocalNode(name: "test")
        let alreadyCancelled = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await node.identityLoaded()
        }
        #expect(await alreadyCancelled.value == false)

        let (started, marks) = AsyncStream.makeStream(of: Void.self)
        let waiting = Task {
            marks.yield()
            return await node.identityLoaded()
        }
        for await _ in started { break }
        waiting.cancel()
        #expect(await waiting.value == false)

        let loaded = Task { await node.identityLoaded() }
        node.load(NodeIdentity.generate())
        #expect(await loaded.value == true)
        #expect(await node.identityLoaded() == true)
    }
}
