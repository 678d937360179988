/// A message of the Warren schema: a Sendable value type with a protobuf codec backed by libprotobuf-c.
///
/// Every conforming type is generated from `Proto/warren/v1/*.proto` by `scripts/gen-proto`. Encode with
/// ``serializedBytes()`` or ``serialize(into:)``; decode with ``init(serializedBytes:)`` or
/// ``init(buffer:)``. The underscored requirements connect a type to its generated C struct and are not
/// meant to be called directly.
public protocol ProtoMessage: Sendable, Hashable {
    /// The message's full protobuf name, such as `"warren.v1.Input"`.
    static var protoName: String { get }

    /// Creates a message with every field at its default.
    init()

    /// The message in the proto3 JSON mapping (proto field names, defaults omitted).
    func jsonValue() -> JSONValue

    /// The `ProtobufCMessageDescriptor` of the generated C struct.
    static var _protobufCDescriptor: UnsafeRawPointer { get }

    /// Converts from an unpacked C struct of this message's type.
    init(_protobufC message: UnsafeRawPointer) throws(ProtoDecodingError)

    /// Builds the C struct of this message in an arena (a `cwarren_arena *`).
    func _protobufC(arena: OpaquePointer) throws(ProtoEncodingError) -> UnsafeMutableRawPointer
}

/// A protobuf enum of the Warren schema: open, so numbers the schema does not know survive a round trip.
public protocol ProtoEnum: RawRepresentable, Sendable, Hashable where RawValue == Int32 {
    /// Every value the schema declares, in declaration order.
    static var knownCases: [Self] { get }

    /// Creates the case for a wire number.
    init(rawValue: Int32)

    /// The value's name in the .proto file, nil for a number the schema does not declare.
    var protoName: String? { get }
}
