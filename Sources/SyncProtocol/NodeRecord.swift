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

    /// Most UTF-8 bytes of a name: 64 characters of up to two bytes each. Characters alone bound
    /// nothing: `"a"` followed by 100,000 combining marks is one character of 200 KB.
    public static let maximumNameBytes = 128

    /// Why the fields are not acceptable, or nil: a name of 1–64 characters and at most 128 UTF-8
    /// bytes, a version of 1–32 bytes, and an optional http(s) URL of at most 200 bytes without
    /// spaces; none with control, format (bidi controls, zero-width characters), separator,
    /// private-use or unassigned characters, which could make a name display as another.
    public var problem: String? {
        guard (1...Self.maximumNameLength).contains(name.count), name.utf8.count <= Self.maximumNameBytes,
            Self.isDisplayable(name)
        else {
            return "node name must be 1–64 characters (at most 128 UTF-8 bytes) without control, "
                + "bidi or zero-width characters"
        }
        guard (1...Self.maximumVersionLength).contains(softwareVersion.utf8.count), Self.isDisplayable(softwareVersion),
            !softwareVersion.contains(" ")
        else { return "software version must be 1–32 printable bytes without spaces" }
        if let url {
            guard url.utf8.count <= Self.maximumURLLength, Self.isDisplayable(url), !url.contains(" "),
                url.hasPrefix("http://") || url.hasPrefix("https://")
            else { return "node url must be an http(s) URL of at most 200 bytes" }
        }
        return nil
    }

    /// Whether every scalar of `text` shows as itself: no control (C0, C1, DEL), format (bidi
    /// embeddings and isolates, zero-width spaces and joiners, the byte-order mark), line or
    /// paragraph separator, surrogate, private-use or unassigned scalar.
    public static func isDisplayable(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
                return false
            default:
                return true
            }
        }
    }

    /// A configured name made acceptable as a node record's: characters that are not
    /// ``isDisplayable(_:)`` dropped, then cut to 64 characters and 128 bytes.
    public static func acceptableName(_ configured: String) -> String {
        var name = String(String.UnicodeScalarView(configured.unicodeScalars.filter { isDisplayable(String($0)) }))
        name = String(name.prefix(maximumNameLength))
        while name.utf8.count > maximumNameBytes { name.removeLast() }
        return name.isEmpty ? "node" : name
    }

    /// An origin's label where no record names it yet: the start of its id.
    public static func shortID(_ origin: String) -> String { String(origin.prefix(8)) + "…" }
}
