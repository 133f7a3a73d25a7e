/// Open slots (long-polls, live streams) per client and in all, each bounded: a value without
/// I/O, held by ``RequestBudget`` and ``LiveEvents``.
struct SlotCounts: Sendable, Equatable {
    let perClient: Int
    let total: Int
    private(set) var open: [String: Int] = [:]
    private(set) var all = 0

    init(perClient: Int, total: Int) {
        self.perClient = perClient
        self.total = total
    }

    enum Refusal: Error, Sendable, Equatable {
        case client
        case total
    }

    /// Opens a slot for `client`, or says which bound refuses it.
    mutating func open(_ client: String) -> Refusal? {
        guard all < total else { return .total }
        guard open[client, default: 0] < perClient else { return .client }
        open[client, default: 0] += 1
        all += 1
        return nil
    }

    mutating func close(_ client: String) {
        guard let count = open[client] else { return }
        open[client] = count > 1 ? count - 1 : nil
        all -= 1
    }
}
