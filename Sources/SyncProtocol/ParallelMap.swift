import Foundation

extension Array where Element: Sendable {
    /// `map` spread over the machine's cores in contiguous chunks, keeping the order. Used for the
    /// CPU-bound signing and verifying of whole batches; small arrays are mapped in place.
    public func concurrentMap<T: Sendable>(
        minimumChunk: Int = 256, _ transform: @escaping @Sendable (Element) -> T
    ) async
        -> [T]
    {
        let workers = Swift.min(ProcessInfo.processInfo.activeProcessorCount, count / minimumChunk)
        guard workers > 1 else { return map(transform) }
        let chunkSize = (count + workers - 1) / workers
        return await withTaskGroup(of: (Int, [T]).self) { group in
            for start in stride(from: 0, to: count, by: chunkSize) {
                let chunk = Array(self[start..<Swift.min(start + chunkSize, count)])
                group.addTask { (start, chunk.map(transform)) }
            }
            var parts: [(Int, [T])] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }
}
