import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Resolves a host name to every address it has (a scaled compose service or a headless
/// Kubernetes service has several).
public protocol NameResolver: Sendable {
    func addresses(of host: String) async throws -> [String]
}

/// The system resolver (`getaddrinfo`, so `/etc/hosts` and DNS), run off the event loops.
public struct SystemNameResolver: NameResolver {
    public init() {}

    public func addresses(of host: String) async throws -> [String] {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try Self.resolve(host) })
            }
        }
    }

    private static func resolve(_ host: String) throws -> [String] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0 else { throw ResolutionError(host: host, message: String(cString: gai_strerror(status))) }
        defer { freeaddrinfo(list) }
        var addresses: [String] = []
        var entry = list
        while let info = entry?.pointee {
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(info.ai_addr, info.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0
            {
                let address = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if !addresses.contains(address) { addresses.append(address) }
            }
            entry = info.ai_next
        }
        return addresses
    }
}

struct ResolutionError: Error, CustomStringConvertible {
    var host: String
    var message: String
    var description: String { "cannot resolve \(host): \(message)" }
}
