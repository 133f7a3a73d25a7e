import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A TCP port the kernel chose as free on the first of `hosts` and found free on the others too
/// (a few tries when another process took it meanwhile), for tests that must give several
/// addresses one port. Never a random pick from a range, which may be an ephemeral port in use.
func freePort(on hosts: [String]) throws -> Int {
    for _ in 0..<20 {
        let port = try bind(hosts[0], port: 0)
        if (try? hosts.dropFirst().forEach { _ = try bind($0, port: port) }) != nil { return port }
    }
    throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "no port free on \(hosts)"])
}

/// Binds a TCP socket to `host:port` and closes it; returns the port bound.
private func bind(_ host: String, port: Int) throws -> Int {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { throw POSIXError(.EMFILE) }
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    inet_pton(AF_INET, host, &address.sin_addr)
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            Glibc.bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
    }
    guard bound == 0 else { throw POSIXError(.EADDRINUSE) }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}
