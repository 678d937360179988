// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "WarrenBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Warren", path: ".."),
        .package(url: "https://github.com/apple/swift-protobuf", exact: "1.39.0"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // swift-protobuf code generated from ../Proto/warren/v1 (see README.md); names are Warren_V1_*.
        .target(
            name: "SwiftProtobufWarren",
            dependencies: [.product(name: "SwiftProtobuf", package: "swift-protobuf")]
        ),
        // The benchmarked messages, built the same way with both libraries.
        .target(
            name: "CodecFixtures",
            dependencies: [
                "SwiftProtobufWarren",
                .product(name: "WarrenProto", package: "Warren"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]
        ),
        // ordo-one/benchmark suite: swift package --disable-sandbox benchmark --target CodecBenchmarks
        .executableTarget(
            name: "CodecBenchmarks",
            dependencies: [
                "CodecFixtures",
                "SwiftProtobufWarren",
                .product(name: "WarrenProto", package: "Warren"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/CodecBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // In-process runtime benchmarks: ingest-to-completion throughput and memory per idle session.
        .executableTarget(
            name: "RuntimeBench",
            dependencies: [
                .product(name: "WarrenRuntime", package: "Warren"),
                .product(name: "WarrenStore", package: "Warren"),
            ]
        ),
        // A plain loop for profilers (callgrind, perf) and a ContinuousClock cross-check of the suite.
        .executableTarget(
            name: "CodecLoop",
            dependencies: [
                "CodecFixtures",
                "SwiftProtobufWarren",
                .product(name: "WarrenProto", package: "Warren"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]
        ),
    ]
)
