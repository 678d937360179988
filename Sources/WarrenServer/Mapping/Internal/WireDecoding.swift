package import WarrenProto
package import WarrenRPC

// Shared rules for reading what clients send. Every failure is INVALID_ARGUMENT naming the offending field
// by its proto path (`input.prompt.header.input_id`), so a client in any language can find it.

extension RPCError {
    /// INVALID_ARGUMENT for a wire value that breaks the schema's rules: `"<field>: <problem>"`, with a
    /// VALIDATION_FAILED detail whose reason repeats the message.
    package static func invalidWire(_ field: String, _ problem: String) -> RPCError {
        let message = "\(field): \(problem)"
        return RPCError(.invalidArgument, message, detail: ErrorDetail(kind: .validationFailed, reason: message))
    }
}

/// The message in a required message field, or INVALID_ARGUMENT when it is absent.
package func requireWire<Message>(_ message: Message?, _ field: String) throws(RPCError) -> Message {
    guard let message else { throw RPCError.invalidWire(field, "missing") }
    return message
}

/// The case of a required oneof, or INVALID_ARGUMENT when none is set.
package func requireOneof<Case>(_ value: Case?, _ field: String) throws(RPCError) -> Case {
    guard let value else { throw RPCError.invalidWire(field, "no variant set") }
    return value
}

/// Decodes each element of a repeated field, naming a failing element by its index (`blocks[2]`).
package func decodeEach<Wire, Domain>(
    _ items: [Wire],
    _ field: String,
    _ decode: (Wire, String) throws(RPCError) -> Domain
) throws(RPCError) -> [Domain] {
    var result: [Domain] = []
    result.reserveCapacity(items.count)
    for (index, item) in items.enumerated() {
        result.append(try decode(item, "\(field)[\(index)]"))
    }
    return result
}

/// The error for an enum field holding UNSPECIFIED or a number this schema does not declare.
package func invalidEnum<Value: ProtoEnum>(_ value: Value, _ field: String) -> RPCError {
    if value.rawValue == 0 { return RPCError.invalidWire(field, "unspecified") }
    return RPCError.invalidWire(field, "unknown value \(value.rawValue)")
}
