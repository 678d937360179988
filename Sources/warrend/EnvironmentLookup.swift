import ArgumentParser
import Foundation

/// Reads `WARREN_*` variables, treating empty values as unset.
struct EnvironmentLookup {
    let environment: [String: String]

    subscript(name: String) -> String? {
        guard let value = self.environment[name], !value.isEmpty else { return nil }
        return value
    }

    /// A boolean variable: 1, true or yes (any case) is on.
    func flag(_ name: String) -> Bool {
        guard let value = self[name]?.lowercased() else { return false }
        return ["1", "true", "yes"].contains(value)
    }
}

/// Resolves numeric limits from a flag or its `WARREN_*` variable, checking the range.
struct LimitOptions {
    let options: ServerOptions
    let lookup: EnvironmentLookup

    /// The flag's value, else the variable named after the flag (`max-frame-size` → `WARREN_MAX_FRAME_SIZE`).
    func value(_ flag: String, _ flagValue: Int?, range: ClosedRange<Int>) throws -> Int? {
        let variable = "WARREN_" + flag.uppercased().replacingOccurrences(of: "-", with: "_")
        let value: Int
        if let flagValue {
            value = flagValue
        } else if let text = self.lookup[variable] {
            guard let parsed = Int(text) else { throw ValidationError("\(variable): expected a number, got '\(text)'") }
            value = parsed
        } else {
            return nil
        }
        guard range.contains(value) else {
            throw ValidationError(
                "--\(flag)/\(variable): \(value) is outside \(range.lowerBound)...\(range.upperBound)"
            )
        }
        return value
    }
}
