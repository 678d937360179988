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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
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
        // RuntimeStore backends: MemoryStore now, SQLite with the persistence work.
        .target(
            name: "WarrenStore",
            dependencies: ["WarrenRuntime"],
            swiftSettings: swiftSettings
        ),
        // The RPC transport over SwiftNIO: framing, then streams, flow control, status and deadlines. Knows no runtime.
        .target(
            name: "WarrenRPC",
            dependencies: [
                "WarrenProto",
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WarrenRuntimeTests",
            dependencies: ["WarrenRuntime", "WarrenStore"],
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
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
