import Testing

@testable import Website

@Suite struct BackgroundTasksTests {
    /// Shutting down cancels what runs and returns once it has ended; later work is refused.
    @Test func shutdownEndsRunningWorkAndRefusesMore() async throws {
        let tasks = BackgroundTasks()
        let started = ManagedFlag()
        let cancelled = ManagedFlag()
        let ran = tasks.start {
            started.set()
            await withTaskCancellationHandler {
                await cancelled.wait()  // never ends by itself
            } onCancel: {
                cancelled.set()
            }
        }
        #expect(ran)
        await started.wait()
        #expect(tasks.count == 1)
        await tasks.shutdown()
        #expect(cancelled.value)
        #expect(tasks.count == 0)
        #expect(!tasks.start { Issue.record("work started after shutdown") })
    }

    /// Lookups waiting for a batch while the node shuts down are answered (with an error), never
    /// left waiting.
    @Test func aBatcherOfAStoppedNodeFailsItsLookups() async throws {
        let tasks = BackgroundTasks()
        await tasks.shutdown()
        let batcher = LookupBatcher(tasks: tasks) { _ in [:] }
        await #expect(throws: CancellationError.self) { _ = try await batcher.recordLookup(nameKey: "late") }
        #expect(batcher.waitingCount == 0)
    }
}
