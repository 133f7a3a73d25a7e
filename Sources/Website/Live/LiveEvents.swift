import Foundation
import Logging
import ServiceLifecycle
import SyncProtocol
import Synchronization

/// Server-sent events for live pages, fed by the node's own change notifications. One loop for
/// the whole process, however many pages listen: on each notification it reads what the changes
/// feed gained (one query), tells federation pages which records arrived (kind, name, origin),
/// and sends head pages watching a changed name its new counts (one query for all such names).
/// Reads happen at most every `coalescing`, whatever the rate of changes.
/// Bounded: at most `maximumConnections` listeners, a heartbeat every `heartbeat` (a dead client
/// is found when it fails), each stream ended after `maximumAge` (browsers reconnect), all
/// ended on shutdown.
final class LiveEvents: Service, Sendable {
    private struct Listener {
        /// The name a head page watches; nil for the federation page (every record).
        var name: String?
        /// The ``ClientKey`` of the page's visitor.
        var client: String
        var continuation: AsyncStream<String>.Continuation
        var opened = ContinuousClock.now
    }

    private struct State {
        var listeners: [Int: Listener] = [:]
        /// Open streams per client and in all (bounded by the two settings).
        var slots: SlotCounts
        var nextID = 0
        var stopped = false
        /// Where the next read of the feed starts; nil while nobody listens.
        var position: FeedPosition?
    }

    let maximumConnections: Int
    let heartbeat: Duration
    let maximumAge: Duration
    /// The shortest time between two reads of the feed.
    let coalescing: Duration = .milliseconds(100)
    private let feed: ChangesFeed
    private let counts: LookupCountRepository
    private let nodeNames: NodeNames
    private let node: LocalNode
    private let signal: ChangeSignal
    private let logger: Logger
    private let state: Mutex<State>

    init(
        feed: ChangesFeed, counts: LookupCountRepository, nodeNames: NodeNames, node: LocalNode, signal: ChangeSignal,
        maximumConnections: Int, maximumConnectionsPerClient: Int = 16, heartbeat: Duration = .seconds(15),
        maximumAge: Duration = .seconds(1800), logger: Logger
    ) {
        self.state = Mutex(State(slots: SlotCounts(perClient: maximumConnectionsPerClient, total: maximumConnections)))
        self.feed = feed
        self.counts = counts
        self.nodeNames = nodeNames
        self.node = node
        self.signal = signal
        self.maximumConnections = maximumConnections
        self.heartbeat = heartbeat
        self.maximumAge = maximumAge
        self.logger = logger
    }

    /// One page's stream, and how to end it early (a node shutting down).
    struct Listening: Sendable {
        let stream: AsyncStream<String>
        let end: @Sendable () -> Void
    }

    /// A stream of SSE text for one page, or why it is refused (`maximumConnections` listen
    /// already, or as many from this client as one may open). The stream ends on shutdown,
    /// after `maximumAge`, or when the page goes away.
    func listen(name: String?, client: String = "unknown") async throws -> Result<Listening, SlotCounts.Refusal> {
        if state.withLock({ $0.position == nil }) {
            // The first listener: what comes next starts at the feed's end now.
            let end = try await feed.endPosition()
            state.withLock { if $0.position == nil { $0.position = end } }
        }
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(64))
        let id: Result<Int, SlotCounts.Refusal> = state.withLock { state in
            guard !state.stopped else { return .failure(.total) }
            if let refusal = state.slots.open(client) { return .failure(refusal) }
            state.nextID += 1
            state.listeners[state.nextID] = Listener(name: name, client: client, continuation: continuation)
            return .success(state.nextID)
        }
        guard case .success(let id) = id else {
            continuation.finish()
            return id.map { _ in Listening(stream: stream, end: {}) }
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { state in
                if let listener = state.listeners.removeValue(forKey: id) { state.slots.close(listener.client) }
            }
        }
        // Tells the browser how soon to reconnect, and that the stream is open.
        continuation.yield("retry: 2000\n: live\n\n")
        return .success(Listening(stream: stream, end: { continuation.finish() }))
    }

    func run() async throws {
        await cancelWhenGracefulShutdown { await self.loop() }
        let ending = state.withLock { state in
            state.stopped = true
            defer {
                state.listeners = [:]
                state.slots = SlotCounts(perClient: state.slots.perClient, total: state.slots.total)
            }
            return Array(state.listeners.values)
        }
        for listener in ending { listener.continuation.finish() }
    }

    private func loop() async {
        var lastBeat = ContinuousClock.now
        while !Task.isCancelled {
            let seen = signal.generation
            let position = state.withLock { state in
                if state.listeners.isEmpty { state.position = nil }
                return state.position
            }
            if let position {
                do {
                    let next = try await deliver(after: position)
                    state.withLock { if $0.position != nil { $0.position = next } }
                } catch {
                    logger.debug("live events: reading the feed failed", metadata: ["error": "\(error)"])
                }
                // Changes that come meanwhile are read together after this window: one feed read
                // per window however busy the node, not one per lookup (measured: with one per
                // lookup, 1,000 idle pages made the head page 52 % slower).
                try? await Task.sleep(for: coalescing)
            }
            if ContinuousClock.now - lastBeat >= heartbeat {
                broadcast(": heartbeat\n\n") { _ in true }
                lastBeat = .now
                // Bounded age: an old stream ends, and the page's EventSource opens a new one.
                let expired = state.withLock { state in
                    state.listeners.values.filter { lastBeat - $0.opened >= maximumAge }.map(\.continuation)
                }
                for continuation in expired { continuation.finish() }
            }
            await signal.wait(after: seen, timeout: heartbeat)
        }
    }

    /// Sends what the feed gained after `position`; returns the new position.
    private func deliver(after position: FeedPosition) async throws -> FeedPosition {
        let page = try await feed.changes(after: position, limit: 1000)
        guard let last = page.changes.last?.position else { return position }
        var changedNames = Set<String>()
        for change in page.changes {
            let (kind, name, origin) =
                if let count = change.count {
                    ("count", count.nameKey, count.origin)
                } else if let profile = change.profile {
                    ("profile", profile.nameKey, profile.origin)
                } else if let record = change.node {
                    ("node", record.name, record.origin)
                } else { ("", "", "") }
            guard !kind.isEmpty else { continue }
            if kind != "node" { changedNames.insert(name) }
            let data = Self.json(RecordEvent(kind: kind, name: name, origin: origin, own: origin == node.id))
            broadcast("event: record\ndata: \(data)\n\n") { $0.name == nil }
        }
        let watched = state.withLock { Set($0.listeners.values.compactMap(\.name)) }.intersection(changedNames)
        guard !watched.isEmpty else { return last }
        let perName = try await counts.counts(nameKeys: Array(watched))
        let names = try await nodeNames.rowLabels(for: Array(Set(perName.values.joined().map(\.origin))))
        for name in watched {
            let headCounts = HeadCounts(perNode: perName[name] ?? [], localNode: node.id)
            let perNode = headCounts.perNode.map { entry in
                CountsEvent.Node(
                    nodeId: entry.origin,
                    name: names[entry.origin] ?? entry.origin,
                    count: entry.count, local: entry.origin == node.id)
            }
            let data = Self.json(
                CountsEvent(name: name, totalCount: headCounts.total, localCount: headCounts.local, perNode: perNode))
            broadcast("event: counts\ndata: \(data)\n\n") { $0.name == name }
        }
        return last
    }

    private func broadcast(_ text: String, to wanted: (Listener) -> Bool) {
        let targets = state.withLock { $0.listeners.values.filter(wanted).map(\.continuation) }
        for continuation in targets { continuation.yield(text) }
    }

    /// `event: record`: a record this node stored (its own or merged).
    private struct RecordEvent: Encodable {
        var kind: String
        var name: String
        var origin: String
        var own: Bool
    }

    /// `event: counts`: a watched name's counts per node, as its page shows them.
    private struct CountsEvent: Encodable {
        struct Node: Encodable {
            var nodeId: String
            var name: String
            var count: Int64
            var local: Bool
        }
        var name: String
        var totalCount: Int64
        var localCount: Int64
        var perNode: [Node]
    }

    private static func json(_ event: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(event) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
