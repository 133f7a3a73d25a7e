import Logging
import ServiceLifecycle
import Synchronization

/// Gives this node's own profiles the head they lack. A profile saved while its head's fetch
/// failed (the avatar service down or refusing) names no head, and every node holds that record:
/// without this, the head would be fetched again only when a visitor of this very node looks the
/// name up, and the other nodes would each fetch it from the avatar service on their own. Every
/// `interval` a round first publishes heads the node already holds for such profiles, then fetches
/// up to `batch` missing ones through ``HeadLookup/upstreamHead(uuid:)`` (its gate, its memory of
/// recent failures, its single flight), and stops at the first refusal of the gate. A round runs
/// only when ``Pending`` says a head may be missing (at start, and after a head was not fetched
/// and stored), so a node whose heads all arrive reads nothing.
/// `HEAD_RETRY_INTERVAL_SECONDS` and `HEAD_RETRY_BATCH`; `heads_head_retries_total` by outcome.
struct HeadRetry: Service {
    let profiles: ProfileRepository
    let lookup: HeadLookup
    var pending: HeadRetry.Pending { lookup.headsToRetry }
    let node: LocalNode
    let interval: Duration
    let batch: Int
    let metrics: NodeMetrics
    let logger: Logger

    /// Whether an own profile may lack its head since the last round (true at start: the
    /// database may hold such profiles from before).
    final class Pending: Sendable {
        private let state = Mutex(true)

        func mark() { state.withLock { $0 = true } }

        /// Whether a round is due; clears the mark.
        func take() -> Bool {
            state.withLock { due in
                defer { due = false }
                return due
            }
        }
    }

    /// What a round did.
    struct Round: Equatable {
        var published = 0
        var fetched = 0
        var failed = 0
    }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            guard await node.identityLoaded() else { return }
            while !Task.isCancelled {
                do { try await Task.sleep(for: interval) } catch { return }
                if pending.take() { _ = await round() }
            }
        }
    }

    /// One round; errors are logged, and the next round tries again.
    func round() async -> Round {
        var round = Round()
        do {
            round.published = try await profiles.publishLinkedHeads(origin: node.id)
            for uuid in try await profiles.headlessUUIDs(origin: node.id, limit: batch) {
                if Task.isCancelled { break }
                do {
                    // A head held under another profile of the UUID is returned without a fetch.
                    let image = try await lookup.upstreamHead(uuid: uuid)
                    try await profiles.setAvatar(uuid: uuid, sha256: image.sha256, origin: node.id)
                    round.fetched += 1
                } catch is UpstreamRefusal {
                    round.failed += 1
                    break
                } catch {
                    round.failed += 1
                }
            }
        } catch {
            pending.mark()
            logger.debug("head retry round failed", metadata: ["error": "\(error)"])
        }
        // Heads left to fetch (a full batch, or failures) keep the next round due.
        if round.failed > 0 || round.fetched == batch { pending.mark() }
        metrics.headRetried(round)
        return round
    }
}
