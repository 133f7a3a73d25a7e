import Synchronization
import Testing

@testable import Website

/// The gate every upstream request passes: its bound on concurrency, the order of its waiters,
/// its bound on waiting, and the pause it keeps after failures.
@Suite struct UpstreamGateTests {
    /// Work that holds its turn until released.
    final class Held: Sendable {
        let started = Mutex<[Int]>([])
        let release = AsyncStream<Void>.makeStream()

        func work(_ id: Int) async -> (Int, UpstreamHealth.Outcome) {
            started.withLock { $0.append(id) }
            var iterator = release.stream.makeAsyncIterator()
            _ = await iterator.next()
            return (id, .answered)
        }
    }

    static func waitUntil(_ condition: @escaping @Sendable () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while !condition() {
            guard ContinuousClock.now < deadline else { throw TestFailure("condition not met within 10 s") }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    @Test func atMostTheBoundAskAtOnceAndTheOthersGoInArrivalOrder() async throws {
        let gate = UpstreamGate(service: "profile", maximumConcurrent: 2, maximumWait: .seconds(60))
        let held = Held()
        try await withThrowingTaskGroup(of: Int.self) { group in
            for id in 0..<5 {
                group.addTask { try await gate.run { await held.work(id) } }
                // Each arrives after the previous one is running or waiting.
                try await Self.waitUntil { gate.usage.inFlight + gate.usage.waiting == id + 1 }
            }
            #expect(gate.usage.inFlight == 2 && gate.usage.waiting == 3)
            #expect(held.started.withLock { $0 } == [0, 1])
            for done in 1...5 {
                held.release.continuation.yield()
                _ = try await group.next()
                if done <= 3 {
                    try await Self.waitUntil { held.started.withLock { $0.count } == done + 2 }
                }
            }
        }
        #expect(held.started.withLock { $0 } == [0, 1, 2, 3, 4])
        #expect(gate.usage.inFlight == 0 && gate.usage.waiting == 0)
    }

    @Test func beyondTheWaitingBoundARequestIsRefusedAtOnce() async throws {
        let gate = UpstreamGate(service: "profile", maximumConcurrent: 1, maximumWaiting: 1, maximumWait: .seconds(60))
        let held = Held()
        try await withThrowingTaskGroup(of: Int.self) { group in
            group.addTask { try await gate.run { await held.work(0) } }
            try await Self.waitUntil { gate.usage.inFlight == 1 }
            group.addTask { try await gate.run { (2, UpstreamHealth.Outcome.answered) } }
            try await Self.waitUntil { gate.usage.waiting == 1 }
            await #expect(throws: UpstreamRefusal.busy(service: "profile")) {
                try await gate.run { (3, UpstreamHealth.Outcome.answered) }
            }
            held.release.continuation.yield()
            var answers: [Int] = []
            for try await answer in group { answers.append(answer) }
            #expect(answers.sorted() == [0, 2])
        }
        #expect(gate.usage.inFlight == 0 && gate.usage.waiting == 0)
    }

    @Test func aRequestWaitsNoLongerThanTheWait() async throws {
        let gate = UpstreamGate(service: "profile", maximumConcurrent: 1, maximumWait: .milliseconds(100))
        let held = Held()
        try await withThrowingTaskGroup(of: Int.self) { group in
            group.addTask { try await gate.run { await held.work(0) } }
            try await Self.waitUntil { gate.usage.inFlight == 1 }
            let started = ContinuousClock.now
            await #expect(throws: UpstreamRefusal.busy(service: "profile")) {
                try await gate.run { (1, UpstreamHealth.Outcome.answered) }
            }
            #expect(ContinuousClock.now - started >= .milliseconds(100))
            #expect(gate.usage.waiting == 0)
            held.release.continuation.yield()
            try await group.waitForAll()
        }
        #expect(gate.usage.inFlight == 0)
    }

    @Test func afterAFailureNothingAsksUntilThePauseEnds() async throws {
        let gate = UpstreamGate(
            service: "avatar", maximumConcurrent: 4,
            health: UpstreamHealth(firstFailurePause: .seconds(60), longestFailurePause: .seconds(60)))
        let asked = Mutex(0)
        let answer = try await gate.run { () -> (Int, UpstreamHealth.Outcome) in
            asked.withLock { $0 += 1 }
            return (1, .failed)
        }
        #expect(answer == 1)
        for _ in 0..<10 {
            await #expect(throws: UpstreamRefusal.self) {
                try await gate.run { () -> (Int, UpstreamHealth.Outcome) in
                    asked.withLock { $0 += 1 }
                    return (1, .answered)
                }
            }
        }
        #expect(asked.withLock { $0 } == 1)
        #expect(gate.pausedFor != nil)
    }
}
