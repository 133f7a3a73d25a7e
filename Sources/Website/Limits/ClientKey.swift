import Foundation

/// Tells clients apart for the per-client limits: by IP address, an IPv6 address by its /64 (one
/// household or server gets a whole /64, so single addresses would be free for the asking). The
/// `X-Forwarded-For` header is believed only from a configured proxy (`TRUSTED_PROXIES`), and then
/// read from the right: the first address that is not itself a trusted proxy is the client.
struct ClientKey: Sendable {
    /// Addresses and networks (`10.0.0.0/8`, `fd00::/8`, `127.0.0.1`) whose forwarded-for is believed.
    let trustedProxies: [Network]

    init(trustedProxies: [Network]) {
        self.trustedProxies = trustedProxies
    }

    /// The key of a request from `remote` (the socket's peer address) carrying `forwardedFor`.
    func key(remote: String?, forwardedFor: [String]) -> String {
        guard let remote, let address = IPAddress(remote) else { return "unknown" }
        var client = address
        if isTrusted(address) {
            let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            for hop in hops.reversed() {
                guard let hopAddress = IPAddress(hop) else { break }
                client = hopAddress
                if !isTrusted(hopAddress) { break }
            }
        }
        return client.limitKey
    }

    private func isTrusted(_ address: IPAddress) -> Bool {
        trustedProxies.contains { $0.contains(address) }
    }

    /// An IPv4 or IPv6 address as bytes (an IPv4-mapped IPv6 address is its IPv4 address).
    struct IPAddress: Sendable, Equatable {
        var bytes: [UInt8]

        init?(_ text: String) {
            var text = Substring(text)
            if text.hasPrefix("["), text.hasSuffix("]") { text = text.dropFirst().dropLast() }
            if let zone = text.firstIndex(of: "%") { text = text[..<zone] }
            var v4 = in_addr()
            var v6 = in6_addr()
            if inet_pton(AF_INET, String(text), &v4) == 1 {
                bytes = withUnsafeBytes(of: &v4) { Array($0) }
            } else if inet_pton(AF_INET6, String(text), &v6) == 1 {
                let all = withUnsafeBytes(of: &v6) { Array($0) }
                bytes = all[0..<12].elementsEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff]) ? Array(all[12...]) : all
            } else {
                return nil
            }
        }

        /// The address for IPv4, its /64 for IPv6.
        var limitKey: String {
            if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
            let groups = stride(from: 0, to: 8, by: 2).map {
                String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16)
            }
            return groups.joined(separator: ":") + "::/64"
        }
    }

    /// An address with a prefix length.
    struct Network: Sendable, Equatable {
        var address: IPAddress
        var prefixLength: Int

        /// `ADDRESS` or `ADDRESS/LENGTH`.
        init?(_ text: String) {
            let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/", maxSplits: 1)
            guard let first = parts.first, let address = IPAddress(String(first)) else { return nil }
            let bits = address.bytes.count * 8
            var length = bits
            if parts.count == 2 {
                guard let given = Int(parts[1]), (0...bits).contains(given) else { return nil }
                length = given
            }
            self.address = address
            self.prefixLength = length
        }

        func contains(_ other: IPAddress) -> Bool {
            guard other.bytes.count == address.bytes.count else { return false }
            var remaining = prefixLength
            for (a, b) in zip(address.bytes, other.bytes) where remaining > 0 {
                let mask: UInt8 = remaining >= 8 ? 0xff : ~(0xff >> UInt8(remaining))
                if a & mask != b & mask { return false }
                remaining -= 8
            }
            return true
        }
    }
}
