import Foundation

/// Writes the CLI's output lines unbuffered, so a script or test reading through a pipe sees each line at once.
enum Console {
    /// Writes `text` and a newline; when the reader has gone (`warren tail | head`), exits quietly.
    static func line(_ text: String) {
        do {
            try FileHandle.standardOutput.write(contentsOf: Data((text + "\n").utf8))
        } catch {
            exit(0)
        }
    }
}
