import Foundation
import Logging
import PostgresNIO
import Synchronization

/// Pulls one neighbour's changes feed into this node, as long as its task runs.
///
/// Exactly one replica of the node pulls from a given neighbour: the puller holds a PostgreSQL
/// advisory lock named after the neighbour's node id on its own connection, and the replicas
/// that do not get it stand by and try again later. Each batch is verified, then merged together
/// with the new checkpoint in one transaction; when caught up the puller long-polls.
final class PeerPuller: Sendable {
    struct Settings: Sendable {
        var batchSize: Int
        var wait: Duration
        /// How often a standby replica tries to take over the neighbour.
        var standbyRetry: Duration = .seconds(2)
        /// Longest wait for one merge transaction before the connection is given up.
        var databaseTimeout: Duration = .seconds(30)
    }

    let nodeID: String
    private let addresses: Mutex<[String]>
    private let settings: Settings
    private let client: PostgresClient
    private let neighbour: NeighbourClient
    private let peers: PeerRepository
    private let merger: MergeRepository
    private let avatars: AvatarRepository
    private let metrics: NodeMetrics
    private let logger: Logger

    init(
        nodeID: String, addresses: [String], settings: Settings, database: Database, neighbour: NeighbourClient,
        metrics: NodeMetrics, logger: Logger
    ) {
        self.nodeID = nodeID
        self.addresses = Mutex(addresses)
        self.settings = settings
        self.client = database.client
        self.neighbour = neighbour
        self.peers = PeerRepository(database: database)
        self.merger = MergeRepository(logger: logger)
        self.avatars = AvatarRepository(database: database)
        self.metrics = metrics
        var logger = logger
        logger[metadataKey: "neighbour"] = "\(nodeID.prefix(12))"
        self.logger = logger
    }

    /// Base URLs where the neighbour answers; discovery updates them.
    func update(addresses: [String]) {
        self.addresses.withLock { $0 = addresses }
    }

    private var currentAddress: String? { addresses.withLock { $0.first } }

    /// After a failure, try the neighbour's next address first.
    private func rotateAddress() {
        addresses.withLock { list in
            if list.count > 1 { list.append(list.removeFirst()) }
        }
    }

    /// Pulls until the task is cancelled.
    func run() async {
        var backoff = Backoff()
        while !Task.isCancelled {
            do {
                let held = try await client.withConnection { connection in
                    try await pullWhileHoldingLock(on: connection, backoff: &backoff)
                }
                if !held {
                    // Another replica of this node pulls from the neighbour (and keeps its status).
                    try await Task.sleep(for: settings.standbyRetry * Double.random(in: 1...1.5))
                }
            } catch {
                if Task.isCancelled { break }
                let delay = backoff.failed()
                metrics.syncFailed(neighbour: nodeID)
                logger.warning(
                    "pull failed",
                    metadata: ["error": "\(error)", "retryIn": "\(delay)", "address": "\(currentAddress ?? "-")"])
                try? await peers.recordState(nodeID: nodeID, state: "error", error: "\(error)")
                rotateAddress()
                try? await Task.sleep(for: delay)
            }
        }
    }

    /// Returns false when another replica holds the neighbour; otherwise pulls until an error or cancellation.
    private func pullWhileHoldingLock(on connection: PostgresConnection, backoff: inout Backoff) async throws -> Bool {
        let lockName = "puller:" + nodeID
        let locked = try await Database.withDeadline(settings.databaseTimeout) { [logger] in
            let rows = try await connection.query(
                "SELECT pg_try_advisory_lock(hashtextextended(\(lockName), 0))", logger: logger)
            var locked = false
            for try await value in rows.decode(Bool.self) { locked = value }
            return locked
        }
        guard locked else { return false }
        do {
            try await pull(on: connection, backoff: &backoff)
        } catch {
            // The connection may be the thing that failed: close it rather than hand it back to the
            // pool; closing also releases the advisory lock.
            try? await connection.close()
            throw error
        }
        _ = try? await connection.query("SELECT pg_advisory_unlock(hashtextextended(\(lockName), 0))", logger: logger)
        return true
    }

    private func pull(on connection: PostgresConnection, backoff: inout Backoff) async throws {
        var position = try await Database.withDeadline(settings.databaseTimeout) { [peers, nodeID] in
            try await peers.checkpoint(nodeID: nodeID, on: connection)
        }
        var caughtUp = false
        var rounds = 0
        while !Task.isCancelled {
            guard let base = currentAddress else { throw NeighbourError.status(0) }
            let document = try await neighbour.changes(
                at: base, since: position, limit: settings.batchSize, wait: caughtUp ? settings.wait : .zero)
            guard document.nodeId == nodeID else { throw NeighbourError.wrongNode(document.nodeId) }
            guard let next = FeedPosition(document.next), next >= position else { throw NeighbourError.badPosition }

            var records: [SyncRecord] = []
            var rejected = 0
            for wire in document.records {
                if let record = wire.record {
                    records.append(record)
                } else {
                    rejected += 1
                    logger.warning(
                        "rejected record", metadata: ["origin": "\(wire.origin.prefix(12))", "why": "missing fields"])
                }
            }
            let verified = await RecordVerifier.verify(batch: records)
            let accepted = verified.accepted
            rejected += verified.rejected.count
            for (record, why) in verified.rejected.prefix(10) {
                logger.warning("rejected record", metadata: ["origin": "\(record.origin.prefix(12))", "why": "\(why)"])
            }
            let lastSequence = document.records.last?.sequence ?? document.latestSequence
            let status = PeerRepository.BatchStatus(
                state: document.more ? "syncing" : "idle",
                lag: document.more ? max(0, document.latestSequence - lastSequence) : 0, rejected: rejected)
            let batch = MergeBatch(accepted)
            let outcome = try await Database.withDeadline(settings.databaseTimeout) { [merger, nodeID] in
                try await merger.merge(batch, from: nodeID, checkpoint: next, status: status, on: connection)
            }
            metrics.batchMerged(
                neighbour: nodeID, received: accepted.count, changed: outcome.profilesChanged + outcome.countsChanged,
                rejected: rejected, lag: status.lag)
            backoff.succeeded()
            position = next
            caughtUp = !document.more

            rounds += 1
            let hashes = accepted.compactMap { record -> String? in
                if case .profile(let profile, _) = record { return profile.avatarSHA256 }
                return nil
            }
            try await fetchMissingHeads(from: base, named: hashes, sweep: rounds % 20 == 1)
        }
    }

    /// Fetches heads that merged profiles name but this node lacks; a sweep also retries heads
    /// that earlier batches could not get.
    private func fetchMissingHeads(from base: String, named hashes: [String], sweep: Bool) async throws {
        var missing = try await avatars.missing(Array(Set(hashes)))
        if sweep { missing += try await avatars.missingForProfiles(limit: 20) }
        for sha256 in Set(missing) {
            do {
                try await avatars.store(try await neighbour.head(at: base, sha256: sha256))
                metrics.headFetched(neighbour: nodeID)
            } catch {
                logger.debug(
                    "head not available from neighbour", metadata: ["sha256": "\(sha256)", "error": "\(error)"])
            }
        }
    }
}
