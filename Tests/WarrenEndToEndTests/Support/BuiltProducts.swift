import Foundation

/// Finds the executables SwiftPM built next to the test bundle (`warrend`, `warren`).
enum BuiltProducts {
    /// The build directory: the test runner lives in it (`.build/<triple>/debug/WarrenPackageTests.xctest`).
    static let directory: URL = {
        let runner = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return runner.deletingLastPathComponent()
    }()

    /// The path of the executable `name`; a clear failure when it was not built.
    static func executable(_ name: String) throws -> URL {
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw HarnessError("\(name) is not built at \(url.path); run `swift build` first")
        }
        return url
    }
}

/// A failure of the test harness itself (not of the code under test).
struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
