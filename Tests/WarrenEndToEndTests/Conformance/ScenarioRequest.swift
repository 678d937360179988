import WarrenProto

/// The request fields of a step, read by the hand-written builders of ``ScenarioRPCs``. Every field read is
/// ticked off, so a field the scenario sets but this runner does not build is a failure, not silently dropped.
final class ScenarioRequest {
    private let path: String
    private let members: [String: ScenarioJSON]
    private var read: Set<String> = []

    init(_ value: ScenarioJSON, path: String = "request") throws {
        self.path = path
        self.members = try value.object(path)
    }

    /// A string field ("" when absent).
    func string(_ key: String) throws -> String {
        guard let value = self.take(key) else { return "" }
        return try value.string("\(self.path).\(key)")
    }

    /// An integer field, given as a number or a decimal string (0 when absent).
    func uint64(_ key: String) throws -> UInt64 {
        switch self.take(key) {
        case nil: return 0
        case .integer(let value)? where value >= 0: return UInt64(value)
        case .string(let text)?: if let value = UInt64(text) { return value }
        default: break
        }
        throw ScenarioFailure("\(self.path).\(key) is not an unsigned integer")
    }

    /// A repeated string field.
    func strings(_ key: String) throws -> [String] {
        guard let value = self.take(key) else { return [] }
        guard case .array(let items) = value else { throw ScenarioFailure("\(self.path).\(key) is not an array") }
        var result: [String] = []
        for (index, item) in items.enumerated() { result.append(try item.string("\(self.path).\(key).\(index)")) }
        return result
    }

    /// An enum field by its full name.
    func enumValue<Value: ProtoEnum>(_ key: String, _: Value.Type) throws -> Value {
        let name = try self.string(key)
        guard let value = Value.knownCases.first(where: { $0.protoName == name }) else {
            throw ScenarioFailure("\(self.path).\(key): no enum value \(name)")
        }
        return value
    }

    /// A message field, or nil when absent; `build` reads its fields.
    func message<Message>(
        _ key: String,
        _ build: (ScenarioRequest) throws -> Message
    ) throws -> Message? {
        guard let value = self.take(key) else { return nil }
        let nested = try ScenarioRequest(value, path: "\(self.path).\(key)")
        let message = try build(nested)
        try nested.finish()
        return message
    }

    /// Whether the message holds `key`, without reading it.
    func has(_ key: String) -> Bool { self.members[key] != nil }

    /// Fails when a field was given that no builder read.
    func finish() throws {
        let unread = Set(self.members.keys).subtracting(self.read)
        guard unread.isEmpty else {
            throw ScenarioFailure("\(self.path): this runner does not build field(s) \(unread.sorted())")
        }
    }

    private func take(_ key: String) -> ScenarioJSON? {
        self.read.insert(key)
        return self.members[key]
    }
}
