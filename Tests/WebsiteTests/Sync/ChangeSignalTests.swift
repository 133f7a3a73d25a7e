import Testing

@testable import Website

@Suite struct ChangeSignalTests {
    @Test func aChangeWakesEveryWaiter() async {
        let signal = ChangeSignal()
        let seen = signal.generation
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<5 { group.addTask { await signal.wait(after: seen, timeout: .seconds(60)) } }
            // Fire only once all five are registered: the outcome does not depend on timing.
            while signal.waiterCount < 5 { await Task.yield() }
            signal.fire()
            for await changed in group { #expect(changed) }
        }
        #expect(signal.waiterCount == 0)
    }

    @Test func aChangeBeforeTheWaitReturnsAtOnce() async {
        let signal = ChangeSignal()
        let seen = signal.generation
        signal.fire()
        #expect(await signal.wait(after: seen, timeout: .seconds(60)))
        #expect(signal.waiterCount == 0)
    }

    @Test func theTimeoutEndsTheWaitWithoutAChange() async {
        let signal = ChangeSignal()
        #expect(await signal.wait(after: signal.generation, timeout: .milliseconds(20)) == false)
        #expect(signal.waiterCount == 0)
    }

    @Test func cancellationEndsTheWait() async {
        let signal = ChangeSignal()
        let waiter = Task { await signal.wait(after: signal.generation, timeout: .seconds(60)) }
        while signal.waiterCount < 1 { await Task.yield() }
        waiter.cancel()
        #expect(await waiter.value == false)
        #expect(signal.waiterCount == 0)
    }

    @Test func noWaiterIsLeftBehindAfterManyWaits() async {
        let signal = ChangeSignal()
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<10_000 {
                let seen = signal.generation
                group.addTask {
                    // A mix of endings: notified, timed out at once, cancelled.
                    switch index % 3 {
                    case 0: await signal.wait(after: seen, timeout: .seconds(60))
                    case 1: await signal.wait(after: seen, timeout: .zero)
                    default:
                        await withTaskGroup(of: Void.self) { inner in
                            inner.addTask { await signal.wait(after: seen, timeout: .seconds(60)) }
                            inner.cancelAll()
                        }
                    }
                }
                if index % 100 == 99 {
                    // Wake the notified ones of this hundred once they are all registered or done.
                    signal.fire()
                }
            }
            // Whatever is still waiting for a change gets one.
            while !group.isEmpty {
                signal.fire()
                if await group.next() == nil { break }
            }
        }
        #expect(signal.waiterCount == 0)
    }
}
