/// A Minecraft username that passed validation: 1–16 characters of `[A-Za-z0-9_]`.
///
/// Validation happens before any I/O, so a rejected name never reaches the database or the upstream.
public struct Username: Hashable, Sendable, CustomStringConvertible {
    /// The name as the visitor typed it.
    public let raw: String
    /// The lower-cased name: the key of profiles and lookup counts.
    public var key: String { raw.lowercased() }
    public var description: String { raw }

    public static let maximumLength = 16

    public init(validating text: String) throws(UsernameError) {
        guard !text.isEmpty else { throw .empty }
        guard text.utf8.count <= Self.maximumLength else { throw .tooLong(text.count) }
        guard text.utf8.allSatisfy(Self.isAllowed) else { throw .invalidCharacters }
        self.raw = text
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }
}

/// Why a username was rejected; the description is shown to the visitor.
public enum UsernameError: Error, Equatable, CustomStringConvertible {
    case empty
    case tooLong(Int)
    case invalidCharacters

    public var description: String {
        switch self {
        case .empty:
            return "Please enter a Minecraft username."
        case .tooLong:
            return "A Minecraft username has at most 16 characters."
        case .invalidCharacters:
            return "A Minecraft username may only contain letters A–Z, digits and underscores."
        }
    }
}
