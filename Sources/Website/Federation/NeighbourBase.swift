/// Where discovery found a neighbour: the base URL its requests go to and, for a neighbour behind
/// TLS, which of the name's addresses to connect to. The certificate is then checked against the
/// name (SNI and `Host` carry it) while each address is reached on its own, as plain addresses are.
///
/// Its text form is what the federation page shows and the `peers` table stores:
/// `http://ADDRESS:PORT`, `https://NAME:PORT` or `https://NAME:PORT via ADDRESS`.
struct NeighbourBase: Sendable, Hashable, CustomStringConvertible {
    var url: String
    var connectAddress: String?

    init(url: String, connectAddress: String? = nil) {
        self.url = url
        self.connectAddress = connectAddress
    }

    init(parsing text: String) {
        let parts = text.components(separatedBy: " via ")
        if parts.count == 2 {
            self.init(url: parts[0], connectAddress: parts[1])
        } else {
            self.init(url: text)
        }
    }

    var description: String { connectAddress.map { "\(url) via \($0)" } ?? url }

    /// The host name the URL names (without brackets), for the TLS client's address override.
    var host: String? {
        guard let rest = url.split(separator: "://", maxSplits: 1).last else { return nil }
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            return String(rest[rest.index(after: rest.startIndex)..<close])
        }
        return rest.split(separator: ":").first.map(String.init)
    }
}
