// A plain timing loop over the codec fixtures, without the benchmark package.
//
//   CodecLoop bench [runs] [opsPerRun]    median ns/op of each side, interleaved runs, ratios
//   CodecLoop loop <fixture> <roundtrip|encode|decode> <warren|swift-protobuf> <iterations>
//                                          one tight loop, for valgrind --tool=callgrind or perf record
import CodecFixtures
import SwiftProtobuf
import SwiftProtobufWarren
import WarrenProto

#if canImport(Glibc)
import Glibc
#endif

enum Operation: String, CaseIterable { case roundtrip, encode, decode }
enum Side: String, CaseIterable { case warren, swiftProtobuf = "swift-protobuf" }

@inline(never)
func consume<T>(_ value: T) { withExtendedLifetime(value) {} }

/// Sink so the optimizer cannot drop the work: the decoded values' sizes feed a checksum.
nonisolated(unsafe) var checksum = 0

@inline(__always)
func runWarren<W: ProtoMessage>(_ message: W, _ bytes: [UInt8], _ operation: Operation, _ count: Int) {
    for _ in 0..<count {
        switch operation {
        case .roundtrip:
            let encoded = try! message.serializedBytes()
            let decoded = try! W(serializedBytes: encoded)
            checksum &+= encoded.count
            consume(decoded)
        case .encode:
            let encoded = try! message.serializedBytes()
            checksum &+= encoded.count
            consume(encoded)
        case .decode:
            consume(try! W(serializedBytes: bytes))
        }
    }
}

@inline(__always)
func runSwiftProtobuf<S: SwiftProtobuf.Message>(_ message: S, _ bytes: [UInt8], _ operation: Operation, _ count: Int) {
    for _ in 0..<count {
        switch operation {
        case .roundtrip:
            let encoded: [UInt8] = try! message.serializedBytes()
            let decoded = try! S(serializedBytes: encoded)
            checksum &+= encoded.count
            consume(decoded)
        case .encode:
            let encoded: [UInt8] = try! message.serializedBytes()
            checksum &+= encoded.count
            consume(encoded)
        case .decode:
            consume(try! S(serializedBytes: bytes))
        }
    }
}

@inline(never)
func run(_ fixture: Fixture, _ operation: Operation, _ side: Side, _ count: Int, _ bytes: [UInt8]) {
    switch (fixture, side) {
    case (.envelopeRunCompleted, .warren): runWarren(WarrenFixtures.envelopeRunCompleted, bytes, operation, count)
    case (.envelopeInputApplied, .warren): runWarren(WarrenFixtures.envelopeInputApplied, bytes, operation, count)
    case (.inputPrompt, .warren): runWarren(WarrenFixtures.inputPrompt, bytes, operation, count)
    case (.envelopeRunCompleted, .swiftProtobuf):
        runSwiftProtobuf(SwiftProtobufFixtures.envelopeRunCompleted, bytes, operation, count)
    case (.envelopeInputApplied, .swiftProtobuf):
        runSwiftProtobuf(SwiftProtobufFixtures.envelopeInputApplied, bytes, operation, count)
    case (.inputPrompt, .swiftProtobuf): runSwiftProtobuf(SwiftProtobufFixtures.inputPrompt, bytes, operation, count)
    }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

func nanoseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1e9 + Double(attoseconds) / 1e9
}

func format(_ value: Double, _ decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = "\(rounded)"
    if let dot = text.firstIndex(of: ".") {
        let have = text.distance(from: dot, to: text.endIndex) - 1
        if have < decimals { text += String(repeating: "0", count: decimals - have) }
    }
    return text
}

func bench(runs: Int, opsPerRun: Int) {
    let clock = ContinuousClock()
    print("| Message | Operation | WarrenProto ns/op | swift-protobuf ns/op | WarrenProto ops/s | swift-protobuf ops/s | speed-up (swift-protobuf time / WarrenProto time) |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for fixture in Fixture.allCases {
        let bytes = try! verifyEquivalence(fixture)
        for operation in Operation.allCases {
            // Warm-up: caches, the per-thread arena, lazy statics.
            for side in Side.allCases { run(fixture, operation, side, opsPerRun, bytes) }
            var times: [Side: [Double]] = [:]
            for _ in 0..<runs {
                // Interleave the sides so drift on a noisy machine hits both alike.
                for side in Side.allCases {
                    let elapsed = clock.measure { run(fixture, operation, side, opsPerRun, bytes) }
                    times[side, default: []].append(nanoseconds(elapsed) / Double(opsPerRun))
                }
            }
            let ours = median(times[.warren]!)
            let theirs = median(times[.swiftProtobuf]!)
            print("| \(fixture.rawValue) (\(bytes.count) B) | \(operation.rawValue) | \(format(ours, 1)) | \(format(theirs, 1)) | \(Int(1e9 / ours)) | \(Int(1e9 / theirs)) | \(format(theirs / ours, 2))× |")
        }
    }
    print("median of \(runs) interleaved runs × \(opsPerRun) ops each (checksum \(checksum))")
}

let arguments = CommandLine.arguments
switch arguments.dropFirst().first {
case "loop":
    guard arguments.count == 6,
          let fixture = Fixture.allCases.first(where: { $0.rawValue == arguments[2] }),
          let operation = Operation(rawValue: arguments[3]),
          let side = Side(rawValue: arguments[4]),
          let count = Int(arguments[5])
    else {
        print("usage: CodecLoop loop <\(Fixture.allCases.map(\.rawValue).joined(separator: "|"))> <roundtrip|encode|decode> <warren|swift-protobuf> <iterations>")
        exit(2)
    }
    let bytes = try! verifyEquivalence(fixture)
    run(fixture, operation, side, count, bytes)
    print("done \(count) \(operation.rawValue) \(side.rawValue) \(fixture.rawValue) (checksum \(checksum))")
default:
    let runs = arguments.count > 2 ? Int(arguments[2]) ?? 11 : 11
    let ops = arguments.count > 3 ? Int(arguments[3]) ?? 20_000 : 20_000
    bench(runs: runs, opsPerRun: ops)
}
