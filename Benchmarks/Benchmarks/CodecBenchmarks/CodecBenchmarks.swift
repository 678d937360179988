// WarrenProto (libprotobuf-c behind a C shim) vs apple/swift-protobuf on the same logical messages.
// Run: cd Benchmarks && swift package --disable-sandbox benchmark --target CodecBenchmarks
import Benchmark
import CodecFixtures
import SwiftProtobuf
import SwiftProtobufWarren
import WarrenProto

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 20,
        // Each sample runs the body 1 000 times; times are reported per operation.
        scalingFactor: .kilo,
        maxDuration: .seconds(2),
        maxIterations: .kilo(10)
    )

    // Both sides must encode the same bytes and decode each other's output to equal messages.
    for fixture in Fixture.allCases {
        do { try verifyEquivalence(fixture) } catch { fatalError("fixture check failed: \(error)") }
    }

    register(.envelopeRunCompleted, WarrenFixtures.envelopeRunCompleted, SwiftProtobufFixtures.envelopeRunCompleted)
    register(.envelopeInputApplied, WarrenFixtures.envelopeInputApplied, SwiftProtobufFixtures.envelopeInputApplied)
    register(.inputPrompt, WarrenFixtures.inputPrompt, SwiftProtobufFixtures.inputPrompt)
}

/// Registers encode+decode, encode and decode for one fixture, WarrenProto and swift-protobuf side by side.
func register<W: ProtoMessage, S: SwiftProtobuf.Message>(_ fixture: Fixture, _ ours: W, _ theirs: S) {
    let name = fixture.rawValue
    let ourBytes = try! ours.serializedBytes()
    let theirBytes: [UInt8] = try! theirs.serializedBytes()

    Benchmark("\(name) roundtrip WarrenProto") { benchmark in
        for _ in benchmark.scaledIterations {
            let bytes = try ours.serializedBytes()
            blackHole(try W(serializedBytes: bytes))
        }
    }
    Benchmark("\(name) roundtrip swift-protobuf") { benchmark in
        for _ in benchmark.scaledIterations {
            let bytes: [UInt8] = try theirs.serializedBytes()
            blackHole(try S(serializedBytes: bytes))
        }
    }
    Benchmark("\(name) encode WarrenProto") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try ours.serializedBytes())
        }
    }
    Benchmark("\(name) encode swift-protobuf") { benchmark in
        for _ in benchmark.scaledIterations {
            let bytes: [UInt8] = try theirs.serializedBytes()
            blackHole(bytes)
        }
    }
    Benchmark("\(name) decode WarrenProto") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try W(serializedBytes: ourBytes))
        }
    }
    Benchmark("\(name) decode swift-protobuf") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try S(serializedBytes: theirBytes))
        }
    }
}
