import Testing
import WarrenProto

/// The Swift snippet of README.md's tour, run as written.
@Suite("README tour")
struct ReadmeTourTests {
    @Test("the envelope example prints the JSON the README shows")
    func envelopeExample() throws {
        let envelope = RuntimeEventEnvelope(position: 42, sequence: 7, runtimeID: "rt-1")
        let bytes = try envelope.serializedBytes()
        let decoded = try RuntimeEventEnvelope(serializedBytes: bytes)
        #expect(decoded.jsonValue().jsonText == #"{"position":"42","runtime_id":"rt-1","sequence":"7"}"#)
    }

    @Test("the error example explains the bad length as the README shows")
    func errorExample() {
        do {
            _ = try CallHeaders(serializedBytes: [0x0A, 0x05, 0x61])
            Issue.record("decoded a truncated message")
        } catch {
            #expect(error.description.hasPrefix("cannot decode warren.v1.CallHeaders: "))
            #expect(error.description.hasSuffix("declares 5 bytes but only 1 remain"))
        }
    }
}
