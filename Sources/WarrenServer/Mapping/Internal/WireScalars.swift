package import WarrenRuntime

// proto3 has no presence for scalars, so the schema spells an absent optional as the type's zero value
// (docs/DECISIONS.md D40): empty text or bytes, 0 for an optional time, UNSPECIFIED for an optional enum.

extension Optional where Wrapped == String {
    /// The wire text of an optional string: empty when absent.
    package var wireText: String { self ?? "" }
}

extension String {
    /// The optional this wire text stands for: nil when empty.
    package var nonEmpty: String? { isEmpty ? nil : self }
}

extension Optional where Wrapped == [UInt8] {
    /// The wire bytes of an optional payload: empty when absent.
    package var wireBytes: [UInt8] { self ?? [] }
}

extension Array where Element == UInt8 {
    /// The optional payload these wire bytes stand for: nil when empty.
    package var nonEmpty: [UInt8]? { isEmpty ? nil : self }
}

extension Timestamp {
    /// The timestamp in wire form, Unix nanoseconds.
    package var wire: Int64 { unixNanos }

    /// The optional timestamp a wire time stands for: nil for 0.
    package static func optional(wire: Int64) -> Timestamp? {
        wire == 0 ? nil : Timestamp(unixNanos: wire)
    }
}

extension Optional where Wrapped == Timestamp {
    /// The wire time of an optional timestamp: 0 when absent.
    package var wire: Int64 { self?.unixNanos ?? 0 }
}

extension Int {
    /// A domain count on the wire (counts are never negative; clamping keeps a bug from trapping).
    package var wireCount: UInt64 { UInt64(clamping: self) }

    /// A wire count in the domain, clamped to `Int.max`.
    package init(wireCount: UInt64) { self.init(clamping: wireCount) }
}
