import Synchronization
import Testing

@testable import Website

@Suite struct GroupCommitTests {
    /// Submitted items are written in the background in batches of at most `maximumBatch`; while
    /// a write is held, at most `maximumSubmitted` wait and the rest are dropped, counted by the
    /// caller's answer.
    @Test func submittedItemsAreBatchedAndBoundedWhileAWriteIsHeld() async throws {
        let written = Mutex<[[Int]]>([])
        let released = ManagedFlag()
        let commit = GroupCommit<Int, Void>(tasks: BackgroundTasks(), maximumBatch: 3, maximumSubmitted: 5) { items in
            written.withLock { $0.append(items) }
            await released.wait()
        }
        #expect(commit.submit([1]) == 1)
        #expect(try await eventually { written.withLock { $0.count } == 1 })
        #expect(commit.submit([2, 3, 4]) == 3)
        #expect(commit.submit([5, 6, 7, 8]) == 2)
        #expect(commit.waitingCount == 5)
        released.set()
        #expect(try await eventually { written.withLock { $0.flatMap { $0 } } == [1, 2, 3, 4, 5, 6] })
        #expect(written.withLock { $0 } == [[1], [2, 3, 4], [5, 6]])
        #expect(commit.waitingCount == 0)
    }

    /// Once the node shuts down, a waiting caller is answered with `CancellationError`, and a
    /// submitted item is not written.
    @Test func aStoppedOwnerWritesNothingMore() async throws {
        let tasks = BackgroundTasks()
        let written = Mutex(0)
        let commit = GroupCommit<Int, Int>(tasks: tasks) { items in
            written.withLock { $0 += items.count }
            return items.count
        }
        #expect(try await commit.write(1) == 1)
        await tasks.shutdown()
        await #expect(throws: CancellationError.self) { try await commit.write(2) }
        commit.submit([3])
        #expect(commit.waitingCount == 0)
        #expect(written.withLock { $0 } == 1)
    }
}
