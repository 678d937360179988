import Foundation

/// Writes the CLI's output lines unbuffered, so a script or test reading through a pipe sees each line at once.
enum Console {
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
