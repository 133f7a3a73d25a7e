/// How many origins a neighbour may still introduce within the hour
/// (`SYNC_MAX_NEW_ORIGINS_PER_HOUR`), known without a query per batch: the count read from the
/// database is reused for `refreshInterval`, and every origin merged since then is counted as if
/// it were new. The figure is never above the truth (the hour's window only lets origins out), so
/// it can refuse too early but never admit too many; a refusal on a figure that is not exact
/// reads the count again first.
struct OriginAllowance {
    let maximum: Int
    let refreshInterval: Duration
    private var counted: Int?
    private var countedAt = ContinuousClock.Instant.now
    private var mergedSince: Set<String> = []

    init(maximum: Int, refreshInterval: Duration = .seconds(10)) {
        self.maximum = maximum
        self.refreshInterval = refreshInterval
    }

    /// Whether the count must be read (never read, too old, or asked for by ``invalidate()``).
    func needsCount(at now: ContinuousClock.Instant) -> Bool {
        counted == nil || now - countedAt >= refreshInterval
    }

    /// Whether ``remaining`` is the database's figure, not a lower bound.
    var isExact: Bool { counted != nil && mergedSince.isEmpty }

    /// Origins that may still come in this hour (at most the truth).
    var remaining: Int { maximum - (counted ?? maximum) - mergedSince.count }

    mutating func counted(_ introducedLastHour: Int, at now: ContinuousClock.Instant) {
        counted = introducedLastHour
        countedAt = now
        mergedSince = []
    }

    /// The origins of a merged batch (any of them may have been new).
    mutating func merged(origins: some Sequence<String>) {
        mergedSince.formUnion(origins)
    }

    /// The next ``needsCount(at:)`` is true.
    mutating func invalidate() {
        counted = nil
    }
}
