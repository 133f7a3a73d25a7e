/// What a node says about itself (name, optional public URL, software version), signed with its
/// key and relayed like every other record, so that every node can name every origin. The key is
/// the origin; the last record wins (on its time, then its canonical bytes).
public struct NodeRecord: Sendable, Equatable, Hashable {
    public var origin: String
    public var name: String
    public var url: String?
    public var softwareVersion: String
    public var recordedAtMicros: Int64

    public static let maximumNameLength = 64
    public static let maximumURLLength = 200
    public static let maximumVersionLength = 32

    public init(origin: String, name: String, url: String?, softwareVersion: String, recordedAtMicros: Int64) {
        self.origin = origin
        self.name = name
        self.url = url
        self.softwareVersion = softwareVersion
        self.recordedAtMicros = recordedAtMicros
    }

    public var canonicalBytes: [UInt8] { CanonicalEncoding.bytes(self) }

    /// Last writer wins on the time; two different records of one time (only their origin can
    /// sign both) are ordered by their canonical bytes. Every field is made of bytes above the
    /// newline between fields, so SQL compares (name, url, version) with `COLLATE "C"` the same way.
    public func wins(over other: NodeRecord) -> Bool {
        if recordedAtMicros != other.recordedAtMicros { return recordedAtMicros > other.recordedAtMicros }
        return other.canonicalBytes.lexicographicallyPrecedes(canonicalBytes)
    }

    /// Why the fields are not acceptable, or nil: a name of 1–64 characters and a version of 1–32
    /// without control characters, and an optional http(s) URL of at most 200 without spaces.
    public var problem: String? {
        func printable(_ text: String) -> Bool {
            text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }
        }
        guard (1...Self.maximumNameLength).contains(name.count), printable(name) else {
            return "node name must be 1–64 printable characters"
        }
        guard (1...Self.maximumVersionLength).contains(softwareVersion.count), printable(softwareVersion),
            !softwareVersion.contains(" ")
        else { return "software version must be 1–32 printable characters without spaces" }
        if let url {
            guard url.count <= Self.maximumURLLength, printable(url), !url.contains(" "),
                url.hasPrefix("http://") || url.hasPrefix("https://")
            else { return "node url must be an http(s) URL of at most 200 characters" }
        }
        return nil
    }

    /// An origin's label where no record names it yet: the start of its id.
    public static func shortID(_ origin: String) -> String { String(origin.prefix(8)) + "…" }
}
