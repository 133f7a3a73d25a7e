import NIOCore
import NIOPosix
import Synchronization

/// A TCP proxy on loopback that can stop passing bytes, as a paused database (SIGSTOP) does: its
/// connections stay open and nothing is answered. What arrives while paused is held back. For
/// tests of a node whose database stops answering while it runs, without pausing the database
/// every other test uses.
final class PausableProxy: Sendable {
    private struct State {
        var paused = false
        /// Bytes that arrived while paused.
        var heldBack = 0
        /// Connections from the client side that are open.
        var open = 0
    }

    /// The proxy's state, shared with its connections' handlers.
    private final class Shared: Sendable {
        let state = Mutex(State())
    }

    let port: Int
    private let server: any Channel
    private let shared: Shared

    private init(port: Int, shared: Shared, server: any Channel) {
        self.port = port
        self.server = server
        self.shared = shared
    }

    /// Starts a proxy to `host:port`.
    static func start(to host: String, port upstreamPort: Int) async throws -> PausableProxy {
        let shared = Shared()
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { inbound in
                shared.state.withLock { $0.open += 1 }
                inbound.closeFuture.whenComplete { _ in shared.state.withLock { $0.open -= 1 } }
                return ClientBootstrap(group: inbound.eventLoop)
                    .connect(host: host, port: upstreamPort)
                    .flatMap { outbound in
                        let (toUpstream, toClient) = (Relay(shared: shared), Relay(shared: shared))
                        toUpstream.partner = outbound
                        toClient.partner = inbound
                        return inbound.pipeline.addHandler(toUpstream).flatMap {
                            outbound.pipeline.addHandler(toClient)
                        }
                    }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return PausableProxy(port: server.localAddress?.port ?? 0, shared: shared, server: server)
    }

    /// From now on nothing passes either way.
    func pause() { shared.state.withLock { $0.paused = true } }

    /// Bytes that arrived since the pause (the client tried to talk to the database).
    var heldBack: Int { shared.state.withLock { $0.heldBack } }

    /// Connections the client has open through the proxy.
    var openConnections: Int { shared.state.withLock { $0.open } }

    func close() async {
        try? await server.close()
    }

    /// Passes what one side sends to the other, unless the proxy is paused; closes the other side
    /// when its own closes.
    private final class Relay: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        let shared: Shared
        /// Set before the handler is added, and read on its event loop only.
        var partner: (any Channel)?

        init(shared: Shared) { self.shared = shared }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let buffer = unwrapInboundIn(data)
            let paused = shared.state.withLock { state in
                if state.paused { state.heldBack += buffer.readableBytes }
                return state.paused
            }
            if !paused { partner?.writeAndFlush(buffer, promise: nil) }
        }

        func channelInactive(context: ChannelHandlerContext) {
            partner?.close(promise: nil)
            context.fireChannelInactive()
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)
        }
    }
}
