import Foundation

/// One step of the conformance scenario, as written in the file (variables not yet substituted).
struct ScenarioStep: Sendable {
    static let keys: Set<String> = [
        "name", "rpc", "request", "timeout_ms", "metadata", "needs_token", "expect", "save",
    ]
    static let expectKeys: Set<String> = ["status", "detail", "fields", "present", "length", "events"]

    let name: String
    let rpc: String
    let request: ScenarioJSON
    let timeoutMilliseconds: Int64
    let metadata: ScenarioJSON
    let needsToken: Bool
    let expect: ScenarioJSON
    let save: [String: String]

    /// Reads and checks the scenario file; unknown keys are refused so that a typo never skips a check.
    static func load(_ url: URL) throws -> [ScenarioStep] {
        let document = try JSONDecoder().decode(ScenarioJSON.self, from: Data(contentsOf: url)).object("the file")
        guard document["format"] == .integer(1) else { throw ScenarioFailure("\(url.path): format is not 1") }
        let unknown = Set(document.keys).subtracting(["format", "description", "steps"])
        guard unknown.isEmpty else { throw ScenarioFailure("\(url.path): unknown keys \(unknown.sorted())") }
        guard case .array(let steps)? = document["steps"] else { throw ScenarioFailure("\(url.path): no steps") }
        var names = Set<String>()
        return try steps.enumerated().map { index, raw in
            let step = try ScenarioStep(raw.object("step \(index)"), index: index)
            guard names.insert(step.name).inserted else { throw ScenarioFailure("duplicate step name \(step.name)") }
            return step
        }
    }

    private init(_ raw: [String: ScenarioJSON], index: Int) throws {
        let unknown = Set(raw.keys).subtracting(Self.keys)
        guard unknown.isEmpty else { throw ScenarioFailure("step \(index): unknown keys \(unknown.sorted())") }
        guard let name = raw["name"], let rpc = raw["rpc"], let request = raw["request"], let expect = raw["expect"]
        else { throw ScenarioFailure("step \(index): name, rpc, request and expect are required") }
        self.name = try name.string("step \(index) name")
        self.rpc = try rpc.string("\(self.name): rpc")
        self.request = request
        let expectation = try expect.object("\(self.name): expect")
        let unknownExpect = Set(expectation.keys).subtracting(Self.expectKeys)
        guard unknownExpect.isEmpty, expectation["status"] != nil else {
            throw ScenarioFailure("\(self.name): expect needs status and knows only \(Self.expectKeys.sorted())")
        }
        self.expect = expect
        if case .integer(let milliseconds)? = raw["timeout_ms"] {
            self.timeoutMilliseconds = milliseconds
        } else {
            self.timeoutMilliseconds = 0
        }
        self.metadata = raw["metadata"] ?? .object([:])
        self.needsToken = raw["needs_token"] == .bool(true)
        var save: [String: String] = [:]
        for (variable, path) in try (raw["save"] ?? .object([:])).object("\(self.name): save") {
            save[variable] = try path.string("\(self.name): save.\(variable)")
        }
        self.save = save
    }
}

/// `${run}`, `${uuid:LABEL}` and the values saved by earlier steps.
struct ScenarioVariables {
    let run = UUID().uuidString.lowercased()
    private var uuids: [String: String] = [:]
    var saved: [String: String] = [:]

    /// `value` with every `${...}` in its strings replaced, recursively.
    mutating func substitute(_ value: ScenarioJSON) throws -> ScenarioJSON {
        switch value {
        case .string(let text): return .string(try self.substitute(text))
        case .array(let items):
            var result: [ScenarioJSON] = []
            for item in items { result.append(try self.substitute(item)) }
            return .array(result)
        case .object(let members):
            var result: [String: ScenarioJSON] = [:]
            for (key, item) in members { result[key] = try self.substitute(item) }
            return .object(result)
        case .null, .bool, .integer: return value
        }
    }

    private mutating func substitute(_ text: String) throws -> String {
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else { break }
            result += rest[..<start.lowerBound]
            result += try self.value(of: String(rest[start.upperBound..<end]))
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }

    private mutating func value(of name: String) throws -> String {
        if name == "run" { return self.run }
        if name.hasPrefix("uuid:") {
            let label = String(name.dropFirst(5))
            if let known = self.uuids[label] { return known }
            let made = UUID().uuidString.lowercased()
            self.uuids[label] = made
            return made
        }
        guard let saved = self.saved[name] else { throw ScenarioFailure("unknown variable \(name)") }
        return saved
    }
}
