import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Resolves a host name to every address it has (a scaled compose service or a headless
/// Kubernetes service has several).
public protocol NameResolver: Sendable {
    func addresses(of host: String) async throws -> [String]
}

/// The system resolver (`getaddrinfo`, so `/etc/hosts` and DNS), run off the event loops. A name
/// that gets no answer within `timeout` fails (a DNS server that forwards unknown names to an
/// unreachable upstream, as podman's does offline, can hold `getaddrinfo` for many seconds; the
/// call is left to finish on its own).
public struct SystemNameResolver: NameResolver {
    let timeout: Duration

    public init(timeout: Duration = .seconds(2)) {
        self.timeout = timeout
    }

    public func addresses(of host: String) async throws -> [String] {
        let answered = Mutex(false)
        return try await withCheckedThrowingContinuation { continuation in
            let answer = { @Sendable (result: Result<[String], any Error>) in
                let first = answered.withLock { done in
                    defer { done = true }
                    return !done
                }
                if first { continuation.resume(with: result) }
            }
            DispatchQueue.global().async { answer(Result { try Self.resolve(host) }) }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout.seconds) {
                answer(.failure(ResolutionError(host: host, message: "no answer within \(timeout)")))
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
