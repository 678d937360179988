// A plain timing loop over the codec fixtures, without the benchmark package.
//
//   CodecLoop bench [runs] [opsPerRun]    median ns/op of each side, interleaved runs, ratios
//   CodecLoop loop <fixture> <roundtrip|encode|decode> <warren|swift-protobuf> <iterations>
//                                          one tight loop, for valgrind --tool=callgrind or perf record
//   CodecLoop strings [runs] [opsPerRun]  ns per String made from a decoded C string, several ways
//                                          (what a faster CCodec.string(_:_:) could use)
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

/// CPU time of the calling thread: unlike wall time, it does not grow while other processes hold the core.
func threadCPUNanoseconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1e9 + Double(time.tv_nsec)
}

func bench(runs: Int, opsPerRun: Int) {
    let clock = ContinuousClock()
    print(
        "| Message | Operation | WarrenProto ns/op | swift-protobuf ns/op | WarrenProto ops/s | swift-protobuf ops/s | Speed-up (wall) | Speed-up (thread CPU time) |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for fixture in Fixture.allCases {
        let bytes = try! verifyEquivalence(fixture)
        for operation in Operation.allCases {
            // Warm-up: caches, the per-thread arena, lazy statics.
            for side in Side.allCases { run(fixture, operation, side, opsPerRun, bytes) }
            var wall: [Side: [Double]] = [:]
            var cpu: [Side: [Double]] = [:]
            for _ in 0..<runs {
                // Interleave the sides so drift on a noisy machine hits both alike.
                for side in Side.allCases {
                    let cpuStart = threadCPUNanoseconds()
                    let elapsed = clock.measure { run(fixture, operation, side, opsPerRun, bytes) }
                    cpu[side, default: []].append((threadCPUNanoseconds() - cpuStart) / Double(opsPerRun))
                    wall[side, default: []].append(nanoseconds(elapsed) / Double(opsPerRun))
                }
            }
            let ours = median(wall[.warren]!)
            let theirs = median(wall[.swiftProtobuf]!)
            let cpuRatio = median(cpu[.swiftProtobuf]!) / median(cpu[.warren]!)
            print(
                "| \(fixture.rawValue) (\(bytes.count) B) | \(operation.rawValue) | \(format(ours, 1)) | \(format(theirs, 1)) | \(Int(1e9 / ours)) | \(Int(1e9 / theirs)) | \(format(theirs / ours, 2))× | \(format(cpuRatio, 2))× |"
            )
        }
    }
    print("median of \(runs) interleaved runs × \(opsPerRun) ops each (checksum \(checksum))")
}

// MARK: - String creation from an unpacked C string

/// The ways a decoder can turn `length` bytes of a NUL-terminated arena string into a Swift String.
enum StringMethod: String, CaseIterable {
    /// What CCodec.string(_:_:) does today: memchr for NUL, then String(validating:as:) on a raw buffer.
    case memchrValidatingRaw = "memchr + String(validating: UnsafeRawBufferPointer, as: UTF8.self)  [current]"
    /// String(validatingCString:) stops at the first NUL, so a shorter result means an embedded NUL.
    case validatingCString = "String(validatingCString:) + utf8.count == length"
    /// An all-ASCII check (8 bytes at a time), then String(decoding:as:), else the validatingCString path.
    case asciiThenDecoding = "ASCII scan + String(decoding:as:), else validatingCString"
    /// Reference only: repairs bad UTF-8 instead of refusing it.
    case decodingRepairing = "String(decoding:as:) (repairs, not a drop-in)"
}

@inline(never)
func makeString(_ method: StringMethod, _ pointer: UnsafeMutablePointer<CChar>, _ length: Int) -> String? {
    switch method {
    case .memchrValidatingRaw:
        if memchr(pointer, 0, length) != nil { return nil }
        return String(validating: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self)
    case .validatingCString:
        guard let string = String(validatingCString: pointer), string.utf8.count == length else { return nil }
        return string
    case .asciiThenDecoding:
        let raw = UnsafeRawPointer(pointer)
        var index = 0
        var bits: UInt64 = 0
        while index + 8 <= length {
            bits |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < length {
            bits |= UInt64(raw.load(fromByteOffset: index, as: UInt8.self))
            index += 1
        }
        // ASCII and no NUL: every byte in 1...0x7F. (A NUL test is needed too; memchr is cheap here.)
        if bits & 0x8080_8080_8080_8080 == 0, memchr(pointer, 0, length) == nil {
            return String(decoding: UnsafeRawBufferPointer(start: raw, count: length), as: UTF8.self)
        }
        guard let string = String(validatingCString: pointer), string.utf8.count == length else { return nil }
        return string
    case .decodingRepairing:
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self)
    }
}

func benchStrings(runs: Int, opsPerRun: Int) {
    let clock = ContinuousClock()
    let samples: [(String, String)] = [
        ("36-byte UUID", "01936f2a-7c41-7d3e-9a52-4be1c07f3d21"),
        ("256-byte ASCII prompt", promptText),
        ("60-byte non-ASCII", "Zusammenfassung der Bereitstellung — Überprüfung läuft ✓ fertig"),
    ]
    print("| String | Method | ns/String |")
    print("|---|---|---:|")
    for (label, text) in samples {
        let length = text.utf8.count
        let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: length + 1)
        text.utf8CString.withUnsafeBufferPointer { pointer.initialize(from: $0.baseAddress!, count: length + 1) }
        for method in StringMethod.allCases {
            precondition(makeString(method, pointer, length) == text)
            for _ in 0..<opsPerRun { consume(makeString(method, pointer, length)) }
            var times: [Double] = []
            for _ in 0..<runs {
                let elapsed = clock.measure { for _ in 0..<opsPerRun { consume(makeString(method, pointer, length)) } }
                times.append(nanoseconds(elapsed) / Double(opsPerRun))
            }
            print("| \(label) | \(method.rawValue) | \(format(median(times), 1)) |")
        }
        pointer.deallocate()
    }
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
        print(
            "usage: CodecLoop loop <\(Fixture.allCases.map(\.rawValue).joined(separator: "|"))> <roundtrip|encode|decode> <warren|swift-protobuf> <iterations>"
        )
        exit(2)
    }
    let bytes = try! verifyEquivalence(fixture)
    run(fixture, operation, side, count, bytes)
    print("done \(count) \(operation.rawValue) \(side.rawValue) \(fixture.rawValue) (checksum \(checksum))")
case "strings":
    let runs = arguments.count > 2 ? Int(arguments[2]) ?? 11 : 11
    let ops = arguments.count > 3 ? Int(arguments[3]) ?? 200_000 : 200_000
    benchStrings(runs: runs, opsPerRun: ops)
default:
    let runs = arguments.count > 2 ? Int(arguments[2]) ?? 11 : 11
    let ops = arguments.count > 3 ? Int(arguments[3]) ?? 20_000 : 20_000
    bench(runs: runs, opsPerRun: ops)
}
