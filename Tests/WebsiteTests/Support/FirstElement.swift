/// The first element of `stream`, or nil when none came within `bound` (so that what never comes
/// fails a test instead of hanging it; the bound is not a wait for a fixed time).
func firstElement<Element: Sendable>(of stream: AsyncStream<Element>, within bound: Duration) async -> Element? {
    await withTaskGroup(of: Element?.self) { waits in
        waits.addTask {
            for await element in stream { return element }
            return nil
        }
        waits.addTask {
            try? await Task.sleep(for: bound)
            return nil
        }
        let first = await waits.next() ?? nil
        waits.cancelAll()
        return first
    }
}
