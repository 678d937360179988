import Foundation
import Testing
import WarrenProto

/// Golden encodings written by Python's protobuf package (scripts/gen-golden): an independent
/// implementation must agree with ours on every message, value for value and byte for byte.
@Suite("Golden encodings")
struct GoldenEncodingTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Proto/testdata")

    static var goldenNames: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".bin") }.map { String($0.dropLast(4)) }.sorted()
    }

    @Test("every message of the schema has at least one golden encoding")
    func everyMessageIsCovered() {
        let covered = Set(Self.goldenNames.map { String($0.split(separator: "@")[0]) })
        #expect(covered == Set(ProtoRegistry.messageTypes.keys))
    }

    @Test("each golden file decodes to its JSON twin and re-encodes byte for byte", arguments: goldenNames)
    func goldenDecodesAndReencodes(name: String) throws {
        let typeName = String(name.split(separator: "@")[0])
        let type = try #require(ProtoRegistry.messageTypes[typeName], "no Swift type for \(typeName)")
        let bytes = try [UInt8](Data(contentsOf: Self.directory.appendingPathComponent("\(name).bin")))
        let json = try [UInt8](Data(contentsOf: Self.directory.appendingPathComponent("\(name).json")))
        try Self.check(type, bytes: bytes, expectedJSON: try JSONParser.parse(json), name: name)
    }

    static func check<M: ProtoMessage>(_ type: M.Type, bytes: [UInt8], expectedJSON: JSONValue, name: String) throws {
        let message = try M(serializedBytes: bytes)
        #expect(message.jsonValue() == expectedJSON, "\(name): decoded values differ from the JSON twin")
        #expect(try message.serializedBytes() == bytes, "\(name): re-encoding differs from Python's bytes")
    }
}
