import Synchronization
import Testing

@testable import Website

@Suite struct LookupBatcherTests {
    /// Records each batch it is asked to write and holds the first one until released.
    final class GatedWriter: Sendable {
        let batches = Mutex<[[String]]>([])
        let released = Mutex(false)

        func write(_ names: [String]) async throws -> [String: (Profile, [HeadCounts.NodeCount])] {
            batches.withLock { $0.append(names) }
            while !released.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(5)) }
            var answer: [String: (Profile, [HeadCounts.NodeCount])] = [:]
            for name in Set(names) where !name.hasPrefix("stale") {
                let count = Int64(names.filter { $0 == name }.count)
                answer[name] = (
                    Profile(
                        nameKey: name, displayName: name, uuid: String(repeating: "0", count: 32), resolvedAt: .now,
                        origin: "o", avatarSHA256: nil),
                    [HeadCounts.NodeCount(origin: "o", count: count)]
                )
            }
            return answer
        }
    }

    /// While one batch is being written, the lookups that arrive wait and go together in the
    /// next one; each caller gets its own name's answer (nil for a name without a fresh profile).
    @Test func lookupsArrivingDuringAWriteGoTogetherInTheNextBatch() async throws {
        let writer = GatedWriter()
        let batcher = LookupBatcher(tasks: BackgroundTasks(), maximumInFlight: 1) { try await writer.write($0) }
        try await withThrowingTaskGroup(of: (String, Int64?).self) { group in
            group.addTask { ("first", try await batcher.recordLookup(nameKey: "first")?.1.first?.count) }
            #expect(try await eventually { writer.batches.withLock { $0.count } == 1 })
            let names = (0..<50).map { $0 % 5 == 0 ? "stale\($0)" : "name\($0 % 10)" }
            for name in names {
                group.addTask { (name, try await batcher.recordLookup(nameKey: name)?.1.first?.count) }
            }
            #expect(try await eventually { batcher.waitingCount == 50 })
            writer.released.withLock { $0 = true }
            var answers: [(String, Int64?)] = []
            for try await answer in group { answers.append(answer) }
            #expect(writer.batches.withLock { $0.map(\.count) } == [1, 50])
            for (name, count) in answers {
                if name.hasPrefix("stale") {
                    #expect(count == nil)
                } else {
                    // name1 … name9 come five times each in the second batch (name0 is never asked: 0, 10, … are stale).
                    #expect(count == (name == "first" ? 1 : 5), "\(name)")
                }
            }
        }
    }

    /// A lookup alone is written on its caller's task, no writer started; one arriving during
    /// that write waits and goes on a writer of its own once it ends.
    @Test func aLookupAloneIsWrittenOnItsCallersTask() async throws {
        let writer = GatedWriter()
        let tasks = BackgroundTasks()
        let batcher = LookupBatcher(tasks: tasks) { try await writer.write($0) }
        try await withThrowingTaskGroup(of: Int64?.self) { group in
            group.addTask { try await batcher.recordLookup(nameKey: "alone")?.1.first?.count }
            #expect(try await eventually { writer.batches.withLock { $0.count } == 1 })
            #expect(tasks.count == 0)
            group.addTask { try await batcher.recordLookup(nameKey: "next")?.1.first?.count }
            #expect(try await eventually { batcher.waitingCount == 1 })
            writer.released.withLock { $0 = true }
            for try await count in group { #expect(count == 1) }
        }
        #expect(writer.batches.withLock { $0 } == [["alone"], ["next"]])
    }

    @Test func aFailedWriteFailsItsCallersAndTheNextBatchStillRuns() async throws {
        struct DatabaseDown: Error {}
        let calls = Mutex(0)
        let batcher = LookupBatcher(tasks: BackgroundTasks()) { names in
            let call = calls.withLock { calls in
                calls += 1
                return calls
            }
            if call == 1 { throw DatabaseDown() }
            return [:]
        }
        await #expect(throws: DatabaseDown.self) { try await batcher.recordLookup(nameKey: "a") }
        #expect(try await batcher.recordLookup(nameKey: "b") == nil)
    }
}
