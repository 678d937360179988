import WarrenProto

/// A message type that can make arbitrary instances of itself (generated in Generated/Arbitrary.pb.swift).
protocol ArbitraryMessage: ProtoMessage {
    /// How many choices the message's oneofs offer (one more than the largest oneof, for "unset").
    static var oneofChoiceCount: Int { get }

    /// An arbitrary instance; `oneofChoice` forces the case of every oneof (0 = unset, k = k-th member).
    static func arbitrary(_ generator: inout ValueGenerator, oneofChoice: Int?) -> Self
}

/// Makes field values for property-based tests: defaults, extremes or seeded random values.
struct ValueGenerator {
    /// What kind of values to make.
    enum Mode {
        /// Every scalar at its default, every collection empty, every submessage absent.
        case empty
        /// The largest values: integer extremes, long strings and byte arrays, full collections.
        case maximal
        /// Seeded random values, unicode strings included.
        case random
    }

    let mode: Mode
    private var rng: SplitMix64

    init(mode: Mode, seed: UInt64) {
        self.mode = mode
        self.rng = SplitMix64(seed: seed)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }

    mutating func bool() -> Bool {
        switch mode {
        case .empty: false
        case .maximal: true
        case .random: Bool.random(using: &rng)
        }
    }

    mutating func int32() -> Int32 { integer(Int32.self) }
    mutating func uint32() -> UInt32 { integer(UInt32.self) }
    mutating func int64() -> Int64 { integer(Int64.self) }
    mutating func uint64() -> UInt64 { integer(UInt64.self) }

    mutating func double() -> Double {
        switch mode {
        case .empty: 0
        case .maximal: .greatestFiniteMagnitude
        case .random:
            [0.5, -1e300, 3.14159, Double.leastNonzeroMagnitude, Double.random(in: -1e9...1e9, using: &rng)][int(0...4)]
        }
    }

    private mutating func integer<T: FixedWidthInteger>(_: T.Type) -> T {
        switch mode {
        case .empty: return 0
        case .maximal: return T.max
        case .random:
            switch int(0...4) {
            case 0: return T.min
            case 1: return T.max
            case 2: return T(truncatingIfNeeded: int(-1...1))
            default: return T.random(in: T.min...T.max, using: &rng)
            }
        }
    }

    /// Unicode drawn from several planes (ASCII, Latin, CJK, emoji, combining marks), never U+0000.
    mutating func string() -> String {
        switch mode {
        case .empty: return ""
        case .maximal: return String(repeating: "é🦀界", count: 700)
        case .random:
            let pools: [ClosedRange<UInt32>] = [
                0x20...0x7e, 0xa0...0x24f, 0x4e00...0x9fff, 0x1f300...0x1faff, 0x300...0x36f, 0x1...0x1f,
            ]
            let length = int(0...24)
            var scalars = String.UnicodeScalarView()
            for _ in 0..<length {
                let pool = pools[int(0...(pools.count - 1))]
                scalars.append(Unicode.Scalar(UInt32.random(in: pool, using: &rng))!)
            }
            return String(scalars)
        }
    }

    mutating func bytes() -> [UInt8] {
        switch mode {
        case .empty: return []
        case .maximal: return [UInt8](repeating: 0xff, count: 4096) + [0]
        case .random: return (0..<int(0...40)).map { _ in UInt8.random(in: 0...255, using: &rng) }
        }
    }

    mutating func enumValue<E: ProtoEnum>(_: E.Type) -> E {
        switch mode {
        case .empty: return E(rawValue: 0)
        case .maximal: return E.knownCases.last!
        case .random:
            return int(0...9) == 0
                ? E(rawValue: Int32(int(1000...100_000))) : E.knownCases[int(0...(E.knownCases.count - 1))]
        }
    }

    mutating func array<T>(_ make: (inout ValueGenerator) -> T) -> [T] {
        let count: Int
        switch mode {
        case .empty: count = 0
        case .maximal: count = 3
        case .random: count = int(0...3)
        }
        return (0..<count).map { _ in make(&self) }
    }

    mutating func map<V>(key: (inout ValueGenerator) -> String, value: (inout ValueGenerator) -> V) -> [String: V] {
        var result: [String: V] = [:]
        for _ in array({ _ in () }) {
            var k = key(&self)
            if mode == .maximal { k += String(result.count) }
            result[k] = value(&self)
        }
        return result
    }

    mutating func optional<T>(_ make: (inout ValueGenerator) -> T) -> T? {
        switch mode {
        case .empty: return nil
        case .maximal: return make(&self)
        case .random: return int(0...2) == 0 ? nil : make(&self)
        }
    }

    /// Which of `count` oneof choices to take: the forced one if given, else by mode.
    mutating func choice(among count: Int, forced: Int?) -> Int {
        if let forced { return forced % count }
        switch mode {
        case .empty: return 0
        case .maximal: return count - 1
        case .random: return int(0...(count - 1))
        }
    }
}

/// A small, fast, seedable generator (Steele, Lea & Flood), so failures reproduce from their seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
