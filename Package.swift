// swift-tools-version:6.1
import PackageDescription

/// Settings shared by every Swift target (see STYLE.md §2).
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Warren",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "WarrenProto", targets: ["WarrenProto"]),
        .library(name: "WarrenRuntime", targets: ["WarrenRuntime"]),
        .library(name: "WarrenStore", targets: ["WarrenStore"]),
        .library(name: "WarrenRPC", targets: ["WarrenRPC"]),
        .library(name: "WarrenServer", targets: ["WarrenServer"]),
        .library(name: "WarrenClient", targets: ["WarrenClient"]),
        .executable(name: "warrend", targets: ["warrend"]),
        .executable(name: "warren", targets: ["warren"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-async-algorithms.git", from: "1.1.4"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", exact: "0.2.0"),
    ],
    targets: [
        // protoc-c output for Proto/warren/v1 plus the cwarren_ shim over libprotobuf-c and zlib.
        .target(
            name: "CWarrenProto",
            linkerSettings: [.linkedLibrary("protobuf-c"), .linkedLibrary("z")]
        ),
        // Swift value types and the codec for every message; the only importer of CWarrenProto.
        .target(
            name: "WarrenProto",
            dependencies: [
                "CWarrenProto",
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // The semantics engine of RuntimeSessionAdapter: no sockets, no SQL, no protobuf.
        .target(
            name: "WarrenRuntime",
            dependencies: [
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            swiftSettings: swiftSettings
        ),
        // zlib, for the blob store's compressed files.
        .systemLibrary(name: "CZlib"),
        // RuntimeStore backends (MemoryStore, SQLiteStore) and the content-addressed BlobStore.
        .target(
            name: "WarrenStore",
            dependencies: [
                "WarrenRuntime",
                "CZlib",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The RPC transport over SwiftNIO: framing, then streams, flow control, status and deadlines. Knows no runtime.
        .target(
            name: "WarrenRPC",
            dependencies: [
                "WarrenProto",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Binds every service of SPEC §4 to WarrenRuntime, with the one mapping layer between domain and wire.
        .target(
            name: "WarrenServer",
            dependencies: [
                "WarrenRPC",
                "WarrenProto",
                "WarrenRuntime",
                "WarrenStore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The async/await Swift client: one method per RPC, AsyncSequence streams, resumable subscriptions.
        .target(
            name: "WarrenClient",
            dependencies: [
                "WarrenRPC",
                "WarrenProto",
                .product(name: "AsyncAlgorithms", package: "swift-async-algorithms"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // The server executable: flags and env vars, logging, graceful shutdown on SIGTERM/SIGINT.
        .executableTarget(
            name: "warrend",
            dependencies: [
                "WarrenServer",
                "WarrenRPC",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The load generator behind `warren bench`: closed-loop callers, subscribers, HdrHistogram reports.
        .target(
            name: "WarrenBench",
            dependencies: [
                "WarrenClient",
                "WarrenProto",
                "WarrenRPC",
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // The command-line client: ingest, await, state, inputs, tail, health, bench.
        .executableTarget(
            name: "warren",
            dependencies: [
                "WarrenBench",
                "WarrenClient",
                "WarrenProto",
                "WarrenRPC",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WarrenRuntimeTests",
            dependencies: ["WarrenRuntime", "WarrenStore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WarrenStoreTests",
            dependencies: ["WarrenStore", "WarrenRuntime", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WarrenProtoTests",
            dependencies: [
                "WarrenProto",
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WarrenRPCTests",
            dependencies: [
                "WarrenRPC",
                "WarrenProto",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOTestUtils", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WarrenServerTests",
            dependencies: ["WarrenServer", "WarrenRPC", "WarrenProto", "WarrenRuntime", "WarrenStore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WarrenBenchTests",
            dependencies: [
                "WarrenBench",
                "WarrenClient",
                "WarrenProto",
                "WarrenRPC",
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // End-to-end: a real warrend process over real TCP, driven by WarrenClient and the warren CLI.
        .testTarget(
            name: "WarrenEndToEndTests",
            dependencies: [
                "WarrenClient",
                "WarrenRPC",
                "WarrenProto",
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
