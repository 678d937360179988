/// A JSON value: the proto3 JSON form of a message (``ProtoMessage/jsonValue()``), for logs, the CLI's
/// `--json` output and tests that compare against other protobuf implementations.
public enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number (every 32-bit integer and every double is exact here).
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object; keys are unordered.
    case object([String: JSONValue])
}

extension JSONValue {
    /// A 64-bit integer, written as a decimal string as proto3 JSON requires.
    public init(int64 value: Int64) { self = .string(String(value)) }

    /// An unsigned 64-bit integer, written as a decimal string as proto3 JSON requires.
    public init(uint64 value: UInt64) { self = .string(String(value)) }

    /// A double; NaN and the infinities become the strings proto3 JSON uses for them.
    public init(double value: Double) {
        if value.isNaN {
            self = .string("NaN")
        } else if value.isInfinite {
            self = .string(value > 0 ? "Infinity" : "-Infinity")
        } else {
            self = .number(value)
        }
    }

    /// Bytes, written as standard base64 with padding.
    public init(bytes: [UInt8]) { self = .string(Base64.encode(bytes)) }

    /// An enum value by its .proto name, or by number when the schema does not know it.
    public init(enumValue value: some ProtoEnum) {
        if let name = value.protoName {
            self = .string(name)
        } else {
            self = .number(Double(value.rawValue))
        }
    }
}
