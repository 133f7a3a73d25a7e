import SyncProtocol
import Synchronization
import Testing

@testable import Website

/// The names node records give, as ``NodeNames`` keeps them.
@Suite struct NodeNamesTests {
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
        let names = NodeNames(node: LocalNode(name: "test"), maximumAge: .seconds(3600), missingAge: .seconds(3600)) {
            try await reader.read()
        }
        #expect(try await names.recordedNames(for: ["a"]) == ["a": "node-a"])
        reader.names.withLock { $0 = ["a": "renamed-a", "b": "node-b"] }
        #expect(try await names.recordedNames(for: ["a"]) == ["a": "node-a"])
        // Not named, but the set is younger than `missingAge`: no read either.
        #expect(try await names.recordedNames(for: ["b"]) == ["a": "node-a"])
        #expect(reader.reads.withLock { $0 } == 1)
    }

    @Test func anOriginNotNamedIsReadAgainOnceTheSetIsOlderThanMissingAge() async throws {
        let reader = Reader()
        let names = NodeNames(node: LocalNode(name: "test"), maximumAge: .seconds(3600), missingAge: .zero) {
            try await reader.read()
        }
        _ = try await names.recordedNames(for: ["a"])
        reader.names.withLock { $0 = ["a": "renamed-a", "b": "node-b"] }
        #expect(try await names.recordedNames(for: ["a"]) == ["a": "node-a"])
        #expect(reader.reads.withLock { $0 } == 1)
        #expect(try await names.recordedNames(for: ["a", "b"]) == ["a": "renamed-a", "b": "node-b"])
        #expect(reader.reads.withLock { $0 } == 2)
    }

    @Test func theSetIsReadAgainOnceOlderThanMaximumAge() async throws {
        let reader = Reader()
        let names = NodeNames(node: LocalNode(name: "test"), maximumAge: .zero, missingAge: .zero) {
            try await reader.read()
        }
        _ = try await names.recordedNames(for: ["a"])
        reader.names.withLock { $0 = ["a": "renamed-a"] }
        #expect(try await names.recordedNames(for: ["a"]) == ["a": "renamed-a"])
        #expect(reader.reads.withLock { $0 } == 2)
    }

    @Test func concurrentCallersShareOneRead() async throws {
        let reader = Reader()
        reader.gate.withLock { $0 = false }
        let names = NodeNames(node: LocalNode(name: "test"), maximumAge: .seconds(3600), missingAge: .seconds(3600)) {
            try await reader.read()
        }
        try await withThrowingTaskGroup(of: [String: String].self) { group in
            for _ in 0..<8 { group.addTask { try await names.recordedNames(for: ["a"]) } }
            #expect(try await eventually { reader.reads.withLock { $0 } == 1 })
            reader.gate.withLock { $0 = true }
            for try await answer in group { #expect(answer == ["a": "node-a"]) }
        }
        #expect(reader.reads.withLock { $0 } == 1)
    }

    @Test func aFailedReadFailsItsCallersAndTheNextCallReadsAgain() async throws {
        let reader = Reader()
        reader.failNext.withLock { $0 = true }
        let names = NodeNames(node: LocalNode(name: "test"), maximumAge: .seconds(3600), missingAge: .seconds(3600)) {
            try await reader.read()
        }
        await #expect(throws: (any Error).self) { try await names.recordedNames(for: ["a"]) }
        #expect(try await names.recordedNames(for: ["a"]) == ["a": "node-a"])
        #expect(reader.reads.withLock { $0 } == 2)
    }

    /// This node by its configured name; another by its record's name, else the name discovery
    /// heard (not an empty one), else the start of its id.
    @Test func eachNodeIsLabelledByTheBestNameKnown() async throws {
        let node = LocalNode(name: "this-node")
        node.load(NodeIdentity.generate())
        let (recorded, heard, unnamed, silent) = (
            "recorded-id", "heard-id", "unnamed-id-0123456789", "silent-id-0123456789"
        )
        let names = NodeNames(node: node) { [recorded: "from-record"] }
        names.learn([recorded: "heard-name", heard: "heard-name", unnamed: ""])
        let labels = try await names.labels(for: [node.id, recorded, heard, unnamed, silent])
        #expect(labels[node.id] == "this-node")
        #expect(labels[recorded] == "from-record")
        #expect(labels[heard] == "heard-name")
        #expect(labels[unnamed] == NodeRecord.shortID(unnamed))
        #expect(labels[silent] == NodeRecord.shortID(silent))
    }
}
