/// A position in a node's changes feed: (transaction id, change sequence), written `XID.SEQ`
/// (`0` is the beginning). Changes are ordered by transaction first, which is what lets the feed
/// hand out only positions that no later commit can fall behind.
public struct FeedPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var transaction: UInt64
    public var sequence: Int64

    public static let beginning = FeedPosition(transaction: 0, sequence: 0)

    public init(transaction: UInt64, sequence: Int64) {
        self.transaction = transaction
        self.sequence = sequence
    }

    public init?(_ text: String) {
        if text == "0" {
            self = .beginning
            return
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let transaction = UInt64(parts[0]), let sequence = Int64(parts[1]), sequence >= 0,
            transaction <= UInt64(Int64.max)
        else { return nil }
        self.init(transaction: transaction, sequence: sequence)
    }

    public var description: String { self == .beginning ? "0" : "\(transaction).\(sequence)" }

    public static func < (lhs: FeedPosition, rhs: FeedPosition) -> Bool {
        (lhs.transaction, lhs.sequence) < (rhs.transaction, rhs.sequence)
    }
}
