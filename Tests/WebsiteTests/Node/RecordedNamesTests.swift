import Synchronization
import Testing

@testable import Website

@Suite struct RecordedNamesTests {
    /// Counts its reads and answers with the names it is set to.
    final class Reader: Sendable {
        let reads = Mutex(0)
        let names = Mutex(["a": "node-a"])
        let failNext = Mutex(false)
        let gate = Mutex(true)

        func read() async throws -> [String: String] {
            reads.withLock { $0 += 1 }
            while !gate.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(5)) }
            struct Down: Error {}
            if failNext.withLock({ failing in
                defer { failing = false }
                return failing
            }) {
                throw Down()
            }
            return names.withLock { $0 }
        }
    }

    @Test func namesAreReadOnceWhileTheyAreFreshAndName() async throws {
        let reader = Reader()
        let names = RecordedNames(maximumAge: .seconds(3600), missingAge: .seconds(3600)) { try await reader.read() }
        #expect(try await names.names(for: ["a"]) == ["a": "node-a"])
        reader.names.withLock { $0 = ["a": "renamed-a", "b": "node-b"] }
        #expect(try await names.names(for: ["a"]) == ["a": "node-a"])
        // Not named, but the set is younger than `missingAge`: no read either.
        #expect(try await names.names(for: ["b"]) == ["a": "node-a"])
        #expect(reader.reads.withLock { $0 } == 1)
    }

    @Test func anOriginNotNamedIsReadAgainOnceTheSetIsOlderThanMissingAge() async throws {
        let reader = Reader()
        let names = RecordedNames(maximumAge: .seconds(3600), missingAge: .zero) { try await reader.read() }
        _ = try await names.names(for: ["a"])
        reader.names.withLock { $0 = ["a": "renamed-a", "b": "node-b"] }
        #expect(try await names.names(for: ["a"]) == ["a": "node-a"])
        #expect(reader.reads.withLock { $0 } == 1)
        #expect(try await names.names(for: ["a", "b"]) == ["a": "renamed-a", "b": "node-b"])
        #expect(reader.reads.withLock { $0 } == 2)
    }

    @Test func theSetIsReadAgainOnceOlderThanMaximumAge() async throws {
        let reader = Reader()
        let names = RecordedNames(maximumAge: .zero, missingAge: .zero) { try await reader.read() }
        _ = try await names.names(for: ["a"])
        reader.names.withLock { $0 = ["a": "renamed-a"] }
        #expect(try await names.names(for: ["a"]) == ["a": "renamed-a"])
        #expect(reader.reads.withLock { $0 } == 2)
    }

    @Test func concurrentCallersShareOneRead() async throws {
        let reader = Reader()
        reader.gate.withLock { $0 = false }
        let names = RecordedNames(maximumAge: .seconds(3600), missingAge: .seconds(3600)) { try await reader.read() }
        try await withThrowingTaskGroup(of: [String: String].self) { group in
            for _ in 0..<8 { group.addTask { try await names.names(for: ["a"]) } }
            #expect(try await eventually { reader.reads.withLock { $0 } == 1 })
            reader.gate.withLock { $0 = true }
            for try await answer in group { #expect(answer == ["a": "node-a"]) }
        }
        #expect(reader.reads.withLock { $0 } == 1)
    }

    @Test func aFailedReadFailsItsCallersAndTheNextCallReadsAgain() async throws {
        let reader = Reader()
        reader.failNext.withLock { $0 = true }
        let names = RecordedNames(maximumAge: .seconds(3600), missingAge: .seconds(3600)) { try await reader.read() }
        await #expect(throws: (any Error).self) { try await names.names(for: ["a"]) }
        #expect(try await names.names(for: ["a"]) == ["a": "node-a"])
        #expect(reader.reads.withLock { $0 } == 2)
    }
}
