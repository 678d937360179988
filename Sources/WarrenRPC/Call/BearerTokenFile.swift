import Foundation

/// Reads a bearer token from a file: its first line, trimmed (so a trailing newline does not matter).
public enum BearerTokenFile {
    /// The token in the file at `path`; throws a message naming the file when it cannot be read or is empty.
    public static func read(_ path: String) throws(BearerTokenFileError) -> String {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw BearerTokenFileError("token file '\(path)': cannot read it (\(error.localizedDescription))")
        }
        let firstLine = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let token = firstLine.trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty else { throw BearerTokenFileError("token file '\(path)': the file is empty") }
        return token
    }
}

/// Why a token file could not be used.
public struct BearerTokenFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, naming the file.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
