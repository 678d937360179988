import WarrenProto

/// The expectations of a step (Clients/conformance/README.md, "Expectations") over the proto3 JSON form of
/// the response view, where fields at their default are absent.
enum ScenarioChecks {
    /// Fails with the first expectation the call's result breaks, in the README's order.
    static func check(_ expect: [String: ScenarioJSON], _ result: ScenarioCallResult) throws {
        let expected = try (expect["status"] ?? .null).string("expect.status")
        guard result.status == expected else { throw ScenarioFailure("status \(result.status), expected \(expected)") }
        guard expected == "OK" else {
            for (path, value) in try (expect["detail"] ?? .object([:])).object("expect.detail") {
                guard let detail = result.detail else { throw ScenarioFailure("no ErrorDetail in the trailers") }
                try Self.compare(detail, path, value, label: "detail.\(path)")
            }
            return
        }
        let view = result.view ?? .object([:])
        for (path, count) in try (expect["length"] ?? .object([:])).object("expect.length") {
            var actual = 0
            if case .array(let items) = try Self.lookup(view, path) { actual = items.count }
            guard .integer(Int64(actual)) == count else {
                throw ScenarioFailure("\(path) has \(actual) elements, expected \(count)")
            }
        }
        if case .array(let paths)? = expect["present"] {
            for path in paths {
                let text = try path.string("expect.present")
                guard case .object? = try Self.lookup(view, text) else { throw ScenarioFailure("\(text) not set") }
            }
        }
        for (path, value) in try (expect["fields"] ?? .object([:])).object("expect.fields") {
            try Self.compare(view, path, value, label: path)
        }
        if case .array(let kinds)? = expect["events"] {
            let wanted = try kinds.map { (kind) in try kind.string("expect.events") }
            let actual = Array(Self.eventKinds(view).prefix(wanted.count))
            guard actual == wanted else { throw ScenarioFailure("events \(actual), expected \(wanted)") }
        }
    }

    /// The value at `path` as saved into a variable: strings as they are, numbers in decimal, bools as words.
    static func saved(_ view: JSONValue?, _ path: String) throws -> String {
        switch try Self.lookup(view ?? .object([:]), path) {
        case .string(let text)?: return text
        case .number(let number)?: return String(Int64(number))
        case .bool(let flag)?: return flag ? "true" : "false"
        default: throw ScenarioFailure("save: \(path) not set")
        }
    }

    /// The value at a dotted path (numeric segments index arrays); nil when a field along it is absent.
    static func lookup(_ root: JSONValue, _ path: String) throws -> JSONValue? {
        var node = root
        for segment in path.split(separator: ".") {
            if let index = Int(segment) {
                guard case .array(let items) = node else {
                    throw ScenarioFailure("\(path): \(segment) indexes a non-list")
                }
                guard index < items.count else { return nil }
                node = items[index]
            } else {
                guard case .object(let members) = node else {
                    throw ScenarioFailure("\(path): \(segment) goes through a non-message value")
                }
                guard let next = members[String(segment)] else { return nil }
                node = next
            }
        }
        return node
    }

    private static func compare(
        _ root: JSONValue,
        _ path: String,
        _ expected: ScenarioJSON,
        label: String
    ) throws {
        guard let actual = try Self.lookup(root, path) else {
            throw ScenarioFailure("\(label): not set, expected \(expected)")
        }
        let matches: Bool
        switch (expected, actual) {
        case (.bool(let want), .bool(let have)): matches = want == have
        case (.integer(let want), .number(let have)): matches = Double(want) == have
        case (.integer(let want), .string(let have)): matches = String(want) == have  // 64-bit integers
        case (.string(let want), .string(let have)): matches = want == have
        default: matches = false
        }
        guard matches else { throw ScenarioFailure("\(label) is \(actual.jsonText), expected \(expected)") }
    }

    /// The kinds of the envelopes among a Subscribe stream's messages, batches unpacked: the member set in
    /// each envelope's `event`.
    private static func eventKinds(_ view: JSONValue) -> [String] {
        guard case .object(let top) = view, case .array(let messages)? = top["messages"] else { return [] }
        return messages.flatMap(Self.envelopes).compactMap { envelope in
            guard case .object(let fields) = envelope, case .object(let event)? = fields["event"] else { return nil }
            return event.keys.first
        }
    }

    /// The envelopes of one Subscribe item (as JSON): its `envelope`, or the `envelopes` of its `batch`.
    static func envelopes(_ item: JSONValue) -> [JSONValue] {
        guard case .object(let members) = item else { return [] }
        if let envelope = members["envelope"] { return [envelope] }
        guard case .object(let batch)? = members["batch"], case .array(let envelopes)? = batch["envelopes"] else {
            return []
        }
        return envelopes
    }
}
