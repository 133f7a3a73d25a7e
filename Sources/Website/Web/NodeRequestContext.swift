import Hummingbird
import NIOCore

/// The node's request context: Hummingbird's basic one plus the peer's socket address, which the
/// per-client limits read (through ``ClientKey``).
struct NodeRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }
}

extension ClientKey {
    /// The key of the client that sent `request`: its socket address, or the address a trusted
    /// proxy forwarded it for (contexts without an address share the key `unknown`).
    func key(of request: Request, context: some RequestContext) -> String {
        let remote = (context as? any RemoteAddressRequestContext)?.remoteAddress?.ipAddress
        return key(remote: remote, forwardedFor: request.headers[values: .init("X-Forwarded-For")!])
    }
}
