/// A neighbour as an operator writes it: `name`, `name:port`, `http://host:port` or
/// `https://host[:port]` (a node across the internet, behind TLS; port 443 by default).
public struct NeighbourAddress: Sendable, Hashable, CustomStringConvertible {
    public static let defaultPort = 8080
    public static let defaultTLSPort = 443

    public var host: String
    public var port: Int
    /// Reached over TLS, its certificate checked against `host`.
    public var usesTLS: Bool
    public var description: String { usesTLS ? "https://\(host):\(port)" : "\(host):\(port)" }

    public init(host: String, port: Int, usesTLS: Bool = false) {
        self.host = host
        self.port = port
        self.usesTLS = usesTLS
    }

    /// Parses one entry; nil when it is not one of the four forms.
    public init?(parsing entry: String) {
        var text = entry.trimmingCharacters(in: .whitespaces)
        var usesTLS = false
        if text.lowercased().hasPrefix("http://") {
            text = String(text.dropFirst(7))
        } else if text.lowercased().hasPrefix("https://") {
            text = String(text.dropFirst(8))
            usesTLS = true
        }
        if text.hasSuffix("/") { text = String(text.dropLast()) }
        guard !text.isEmpty, !text.contains("/"), !text.contains("@"), !text.contains(" ") else { return nil }
        var host = text
        var port = usesTLS ? Self.defaultTLSPort : Self.defaultPort
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
        guard !host.isEmpty, (1...65535).contains(port), Self.isHostName(host, bracketed: text.hasPrefix("["))
        else { return nil }
        self.host = host
        self.port = port
        self.usesTLS = usesTLS
    }

    /// A DNS or container name, or an IPv4 address (letters, digits, `-`, `.`, `_`), or inside
    /// brackets an IPv6 address: a tab, a quote or a stray character is not taken for part of a name.
    private static func isHostName(_ host: String, bracketed: Bool) -> Bool {
        host.unicodeScalars.allSatisfy { scalar in
            guard scalar.isASCII else { return false }
            let character = Character(scalar)
            if bracketed { return character.isHexDigit || character == ":" || character == "." }
            return character.isLetter || character.isNumber || "-._".contains(character)
        }
    }

    /// Parses a `peers` file or a comma-separated list: one entry per line or item, `#` starts a comment.
    /// Returns the entries in order without duplicates, and the lines that could not be parsed.
    public static func parseList(_ text: String) -> (addresses: [NeighbourAddress], invalid: [String]) {
        var addresses: [NeighbourAddress] = []
        var invalid: [String] = []
        for entry in ListEntries.parse(text) {
            if let address = NeighbourAddress(parsing: entry) {
                if !addresses.contains(address) { addresses.append(address) }
            } else {
                invalid.append(entry)
            }
        }
        return (addresses, invalid)
    }
}
