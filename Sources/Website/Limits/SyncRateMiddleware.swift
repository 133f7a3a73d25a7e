import Hummingbird
import Synchronization

/// Each client's rate of sync requests (`SYNC_REQUESTS_PER_CLIENT_PER_SECOND`, twice that at
/// once). A client past it is slowed down, not answered faster: its request waits (without a
/// thread or a query) until its allowance has room, at most `longestDelay`, then goes on; only a
/// client that also holds `delayedPerClient` waiting requests, or asks for more than the delay
/// covers, gets 429 with `Retry-After`. A flood from a tight loop thus runs at the node's pace,
/// not its own. Added to the sync routes' group (changes, digests, records, heads by hash), so it
/// sees no other request.
struct SyncRateMiddleware<Context: RequestContext>: RouterMiddleware {
    let clients: ClientKey
    let state: State
    let metrics: NodeMetrics

    /// Shared by the middleware's copies.
    final class State: Sendable {
        let longestDelay: Duration
        let allowance: Mutex<ClientAllowance>
        let delayed: Mutex<SlotCounts>

        init(perSecond: Int, longestDelay: Duration = .seconds(1), delayedPerClient: Int = 4, delayedInAll: Int = 1000)
        {
            self.longestDelay = longestDelay
            self.allowance = Mutex(ClientAllowance(burst: 2 * perSecond, refill: .seconds(1) / perSecond))
            self.delayed = Mutex(SlotCounts(perClient: delayedPerClient, total: delayedInAll))
        }
    }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let client = clients.key(of: request, context: context)
        guard case .refused(let retryAfter) = state.allowance.withLock({ $0.take(client, now: .now) }) else {
            return try await next(request, context)
        }
        let refusal = HTTPError(
            .tooManyRequests, headers: [.retryAfter: "\(PageError.seconds(retryAfter))"],
            message: "This client asks for sync data faster than one client may; slow down.")
        guard retryAfter <= state.longestDelay, state.delayed.withLock({ $0.open(client) }) == nil else {
            metrics.limitHit("sync_rate_refused")
            throw refusal
        }
        metrics.limitHit("sync_rate_delayed")
        do {
            try await Task.sleep(for: retryAfter)
        } catch {
            state.delayed.withLock { $0.close(client) }
            throw error
        }
        state.delayed.withLock { $0.close(client) }
        guard case .allowed = state.allowance.withLock({ $0.take(client, now: .now) }) else {
            metrics.limitHit("sync_rate_refused")
            throw refusal
        }
        return try await next(request, context)
    }
}
