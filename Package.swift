// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "website",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "website", targets: ["WebsiteCommand"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // Pinned exactly: the node imports its underscored `_ConnectionPoolModule` (for the pool's
        // errors), which carries no API promise between versions. Update it in a commit of its own.
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(
            url: "https://github.com/apple/swift-configuration", from: "1.4.0",
            traits: [.defaults, "CommandLineArguments"]),
    ],
    targets: [
        /// The sync protocol: records, canonical encoding, signatures, verification and plausibility
        /// rules, merge rules, feed positions and wire types. No server framework, no I/O.
        .target(
            name: "SyncProtocol",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        /// The offline stand-in for the profile and head services (`website fake-upstream`).
        .target(
            name: "FakeUpstream",
            dependencies: [
                "SyncProtocol",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        /// The node: pages, the sync API, federation, storage. The executable below only reads the
        /// configuration and runs it.
        .target(
            name: "Website",
            dependencies: [
                "SyncProtocol",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                // For `ConnectionPoolError`, which the client throws after a minute without a connection.
                .product(name: "_ConnectionPoolModule", package: "postgres-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Configuration", package: "swift-configuration"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "WebsiteCommand",
            dependencies: ["Website", "FakeUpstream"]
        ),
        /// B1's floor (`scripts/bench`): the least a counted page costs on this stack. Not a product,
        /// so the image never builds it.
        .executableTarget(
            name: "BenchmarkFloor",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/Floor"
        ),
        .testTarget(
            name: "SyncProtocolTests",
            dependencies: ["SyncProtocol"]
        ),
        .testTarget(
            name: "FakeUpstreamTests",
            dependencies: ["FakeUpstream", "SyncProtocol"]
        ),
        .testTarget(
            name: "WebsiteTests",
            dependencies: [
                "Website",
                "SyncProtocol",
                "FakeUpstream",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "_ConnectionPoolModule", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Configuration", package: "swift-configuration"),
            ],
            // Answers and a database dump recorded from earlier versions' binaries (PreviousVersionTests).
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
