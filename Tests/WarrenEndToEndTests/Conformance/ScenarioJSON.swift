import Foundation

/// A value of the conformance scenario file (Clients/conformance/README.md), decoded strictly: a bool is never
/// a number, and numbers are integers (the format has no floats).
enum ScenarioJSON: Decodable, Sendable, Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case integer(Int64)
    case string(String)
    case array([ScenarioJSON])
    case object([String: ScenarioJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([ScenarioJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: ScenarioJSON].self))
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .integer(let value): String(value)
        case .string(let value): "\"\(value)\""
        case .array(let values): "[" + values.map(\.description).joined(separator: ", ") + "]"
        case .object(let members): "{" + members.keys.sorted().joined(separator: ", ") + "}"
        }
    }

    /// The members of an object; a failure naming `what` otherwise.
    func object(_ what: String) throws -> [String: ScenarioJSON] {
        guard case .object(let members) = self else { throw ScenarioFailure("\(what) is not an object") }
        return members
    }

    /// The text of a string; a failure naming `what` otherwise.
    func string(_ what: String) throws -> String {
        guard case .string(let text) = self else { throw ScenarioFailure("\(what) is not a string") }
        return text
    }
}

/// Why a step failed (printed after `FAIL name:`), or why the scenario file cannot be used.
struct ScenarioFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
