import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import ServiceLifecycle

/// Builds a node: its parts (``NodeComponents``) with their services, the routes of the pages and
/// the API (``buildRouter(_:)``), and migrations and the node identity as start-up work.
public func buildApplication(
    _ configuration: AppConfiguration,
    logger baseLogger: Logger? = nil,
    resolver: any NameResolver = SystemNameResolver(),
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) async throws -> some ApplicationProtocol {
    let logger = {
        var logger = baseLogger ?? Logger(label: "website")
        logger.logLevel = configuration.logLevel
        return logger
    }()

    let parts = try await NodeComponents(configuration, logger: logger, resolver: resolver)
    let metricsServer = configuration.metricsPort.map { metricsPort in
        Application(
            router: buildMetricsRouter(parts),
            configuration: .init(
                address: .hostname(configuration.metricsHost, port: metricsPort), serverName: "website-metrics"),
            logger: logger)
    }
    var app = Application(
        router: buildRouter(parts),
        server: try serverBuilder(configuration),
        configuration: .init(
            address: .hostname(configuration.httpHost, port: configuration.httpPort), serverName: "website"),
        // Shut down in reverse order, after the HTTP server: background work and the breaker's
        // probe end before the database client they use.
        services: parts.requestServices + parts.backgroundServices + (metricsServer.map { [$0] } ?? []),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.httpPort) },
        logger: logger)
    app.beforeServerStarts {
        // A stop asked for while start-up still waits for the database ends the waiting (the
        // prelude is not a service of its own, so nothing else would end it).
        do {
            try await cancelWhenGracefulShutdown {
                try await StartupRetry.run(
                    logger: logger,
                    diagnose: {
                        await DatabaseLoginDiagnosis.explain(
                            configuration.database, usesTLS: configuration.databaseUsesTLS, logger: logger)
                    }
                ) { try await parts.prepare() }
            }
        } catch  where Task.isShuttingDownGracefully {
            throw StartupStopped(cause: error)
        }
        logger.info("node ready", metadata: ["node": "\(parts.node.name)", "id": "\(parts.node.id)"])
    }
    return app
}

/// HTTP/1.1, over TLS when a certificate and key are configured.
private func serverBuilder(_ configuration: AppConfiguration) throws -> HTTPServerBuilder {
    let http = HTTPServerBuilder.http1(
        configuration: .init(idleTimeout: .nanoseconds(configuration.httpIdleTimeout.wholeNanoseconds)))
    guard let certificateFile = configuration.tlsCertificateFile, let keyFile = configuration.tlsKeyFile else {
        return http
    }
    var tls = TLSConfiguration.makeServerConfiguration(
        certificateChain: try NIOSSLCertificate.fromPEMFile(certificateFile).map { .certificate($0) },
        privateKey: .privateKey(try NIOSSLPrivateKey(file: keyFile, format: .pem)))
    // TLS 1.0 and 1.1 are deprecated (RFC 8996): a public node accepts 1.2 and later only.
    tls.minimumTLSVersion = .tlsv12
    return try .tls(http, tlsConfiguration: tls)
}
