/// What one neighbours list (the `peers` file or the `PEERS` setting) held: how many entries, and
/// the ones that are not a neighbour's address, so that an operator sees a typo on the federation
/// page and in the log instead of a neighbour silently missing.
public struct PeersListReport: Sendable, Hashable {
    /// Where the list came from, as the operator knows it: `peers/list`, `PEERS`.
    public var source: String
    public var entries: Int
    public var invalid: [String]

    public init(source: String, text: String) {
        self.source = source
        self.entries = ListEntries.parse(text).count
        self.invalid = NeighbourAddress.parseList(text).invalid
    }

    /// `peers/list: 4 entries, 1 not a neighbour's address: “web site”`, or nil when every entry is one.
    public var problem: String? {
        guard !invalid.isEmpty else { return nil }
        return "\(source): \(entries) \(entries == 1 ? "entry" : "entries"), \(invalid.count) not a neighbour's "
            + "address (name, name:port, http://host:port or https://host[:port]): "
            + invalid.map { "“\(Self.visible($0))”" }.joined(separator: ", ")
    }

    /// The entry with tabs and other invisible characters written out (`\u{9}`), so the page shows why.
    private static func visible(_ entry: String) -> String {
        entry.unicodeScalars.map { scalar in
            scalar == " "
                || !(scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
                    || scalar.properties.generalCategory == .format)
                ? String(scalar) : "\\u{\(String(scalar.value, radix: 16))}"
        }.joined()
    }
}
