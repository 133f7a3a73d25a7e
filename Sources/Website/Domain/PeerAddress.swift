/// A neighbour as an operator writes it: `name`, `name:port` or `http://host:port`.
public struct PeerAddress: Sendable, Hashable, CustomStringConvertible {
    public static let defaultPort = 8080

    public var host: String
    public var port: Int
    public var description: String { "\(host):\(port)" }

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses one entry; nil when it is not one of the three forms.
    public init?(parsing entry: String) {
        var text = entry.trimmingCharacters(in: .whitespaces)
        if text.lowercased().hasPrefix("http://") { text = String(text.dropFirst(7)) }
        if text.hasSuffix("/") { text = String(text.dropLast()) }
        guard !text.isEmpty, !text.contains("/"), !text.contains("@"), !text.contains(" ") else { return nil }
        var host = text
        var port = Self.defaultPort
        if text.hasPrefix("[") {  // [IPv6]:port
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":"), let parsed = Int(rest.dropFirst()) else { return nil }
                port = parsed
            }
        } else if let colon = text.lastIndex(of: ":") {
            guard let parsed = Int(text[text.index(after: colon)...]) else { return nil }
            host = String(text[..<colon])
            port = parsed
        }
        guard !host.isEmpty, (1...65535).contains(port) else { return nil }
        self.host = host
        self.port = port
    }

    /// Parses a `peers` file or a comma-separated list: one entry per line or item, `#` starts a comment.
    /// Returns the entries in order without duplicates, and the lines that could not be parsed.
    public static func parseList(_ text: String) -> (peers: [PeerAddress], invalid: [String]) {
        var peers: [PeerAddress] = []
        var invalid: [String] = []
        for entry in ListEntries.parse(text) {
            if let peer = PeerAddress(parsing: entry) {
                if !peers.contains(peer) { peers.append(peer) }
            } else {
                invalid.append(entry)
            }
        }
        return (peers, invalid)
    }
}
