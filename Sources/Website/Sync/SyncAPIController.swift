import Foundation
import Hummingbird
import ServiceLifecycle
import SyncProtocol

/// The read-only sync API that neighbours pull from: the changes feed (with long-poll) and head
/// PNGs by sha256. Nothing here lets a neighbour write into the node.
struct SyncAPIController<Context: RequestContext> {
    static var maximumLimit: Int { 5000 }
    static var maximumWait: Double { 60 }
    static var firstRetry: Duration { .milliseconds(2) }
    static var lastRetry: Duration { .milliseconds(640) }

    let feed: ChangesFeed
    /// The feed's reads, shared by waiters and within the sync budget.
    let reads: SharedFeedReads
    /// Tells neighbours apart for the cap on open long-polls.
    let clients: ClientKey
    let signer: RecordSigner
    let signal: ChangeSignal
    let avatars: HeadImageRepository
    let node: LocalNode
    let epoch: FeedEpoch
    let defaultLimit: Int

    /// Under `/api/v1`.
    func addRoutes(to api: RouterGroup<Context>) {
        api.get("changes", use: changes)
        api.get("avatars/{sha256}", use: avatar)
    }

    @Sendable func changes(request: Request, context: Context) async throws -> Response {
        let query = request.uri.queryParameters
        guard let since = FeedPosition(query.get("since") ?? "0") else {
            throw HTTPError(.badRequest, message: "since is a position from a previous answer's next, or 0.")
        }
        let limit = try Self.number(query.get("limit"), name: "limit", default: defaultLimit, in: 1...Self.maximumLimit)
        let wait = try Self.seconds(query.get("wait"), name: "wait", in: 0...Self.maximumWait)

        // A puller names the epoch its position belongs to. From another epoch (this database was
        // restored or replaced) the position means nothing here: answered at once, with no records
        // and this feed's epoch, so the puller starts over without waiting out a long-poll. A
        // long-poll that sees the epoch change while it waits (FeedEpoch wakes it) ends the same way.
        let servedEpoch = epoch.epoch
        if let asked = query.get("epoch") {
            guard asked.utf8.count <= 200 else {
                throw HTTPError(
                    .badRequest, message: "epoch is an epoch from a previous answer (at most 200 characters).")
            }
            if asked != servedEpoch { return try Self.json(try await newEpochAnswer(since: since)) }
        }
        if wait == .zero { return try await changes(since: since, limit: limit, wait: wait, servedEpoch: servedEpoch) }
        return try await reads.budget.waiting(client: clients.key(of: request, context: context)) {
            try await changes(since: since, limit: limit, wait: wait, servedEpoch: servedEpoch)
        }
    }

    /// The changes after `since`, waiting up to `wait` for one when there are none. Waiters woken
    /// by the same change share one answer, signed and encoded once (``SharedFeedReads``).
    private func changes(
        since: FeedPosition, limit: Int, wait: Duration, servedEpoch: String
    ) async throws -> Response {
        let deadline = ContinuousClock.now + wait
        var generation = signal.generation
        var page = try await reads.changes(after: since, limit: limit, generation: generation)
        var retry = Self.firstRetry
        while page.changes.isEmpty, ContinuousClock.now < deadline, !Task.isCancelled, !Task.isShuttingDownGracefully,
            epoch.epoch == servedEpoch
        {
            let seen = generation
            // Written but not served: an older transaction holds the horizon back, and its end
            // is not notified. Look again shortly (2, 4, 8 … ms, then every 640 ms), and at once
            // when a change is notified; with nothing written, wait for a notification.
            let heldBack = try await reads.hasWrites(after: since, generation: generation)
            let timeout = heldBack ? min(retry, deadline - ContinuousClock.now) : deadline - ContinuousClock.now
            if heldBack { retry = min(retry * 2, Self.lastRetry) }
            // A node that is shutting down answers its long-polls at once instead of holding them.
            let woken = await cancelWhenGracefulShutdown { await signal.wait(after: seen, timeout: timeout) }
            // Many waiters woken by one change answer in rounds, so frequent changes do not cost
            // an answer per waiter each; the changes written meanwhile join the round's answer.
            if woken == true, !Task.isShuttingDownGracefully {
                await reads.budget.paceWokenAnswer(generation: signal.generation)
            }
            generation = signal.generation
            page = try await reads.changes(after: since, limit: limit, generation: generation)
        }
        if epoch.epoch != servedEpoch { return try Self.json(try await newEpochAnswer(since: since)) }
        let body = try await reads.answer(after: since, limit: limit, generation: generation) {
            [page, feed, signer, node, epoch] in
            // The latest sequence (for the neighbour's lag) came with the changes; an empty
            // answer reads it on its own.
            let latestSequence = if let latest = page.latestSequence { latest } else { try await feed.latestSequence() }
            let records = await signer.wireRecords(page.changes)
            return ByteBuffer(
                bytes: try JSONEncoder().encode(
                    ChangesDocument(
                        nodeId: node.id, since: since.description,
                        next: (page.changes.last?.position ?? since).description, more: page.changes.count == limit,
                        latestSequence: latestSequence, records: records, epoch: epoch.epoch)))
        }
        return Self.json(body)
    }

    /// A JSON answer, as Hummingbird's encoder gives it.
    static func json(_ body: ByteBuffer) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: body))
    }

    static func json(_ document: ChangesDocument) throws -> Response {
        json(ByteBuffer(bytes: try JSONEncoder().encode(document)))
    }

    /// No records and the feed's current epoch: the puller's position belongs to another one.
    private func newEpochAnswer(since: FeedPosition) async throws -> ChangesDocument {
        ChangesDocument(
            nodeId: node.id, since: since.description, next: since.description, more: false,
            latestSequence: try await feed.latestSequence(), records: [], epoch: epoch.epoch)
    }

    @Sendable func avatar(request: Request, context: Context) async throws -> Response {
        let sha256 = try context.parameters.require("sha256")
        guard HeadImage.isSHA256(sha256) else {
            throw HTTPError(.badRequest, message: "A head is named by the lower-case hex sha256 of its PNG bytes.")
        }
        guard let image = try await reads.budget.run({ try await avatars.image(sha256: sha256) }) else {
            throw HTTPError(.notFound, message: "This node does not have that head.")
        }
        return HeadImageController<Context>.response(image, request: request)
    }

    static func number(_ text: String?, name: String, default fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw HTTPError(
                .badRequest, message: "\(name) is a whole number from \(range.lowerBound) to \(range.upperBound).")
        }
        return value
    }

    static func seconds(_ text: String?, name: String, in range: ClosedRange<Double>) throws -> Duration {
        guard let text else { return .zero }
        guard let value = Double(text), range.contains(value) else {
            throw HTTPError(
                .badRequest, message: "\(name) is a number of seconds from \(range.lowerBound) to \(range.upperBound).")
        }
        return .milliseconds(Int64(value * 1000))
    }
}
