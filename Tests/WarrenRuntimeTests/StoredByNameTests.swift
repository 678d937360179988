import Foundation
import Testing
import WarrenRuntime

/// Payload-free enums are stored by case name, and their form before D95 (`{"name":{}}`) still decodes.
@Suite("Stored by name")
struct StoredByNameTests {
    private func expectRoundTrip<Value: StoredByName & CaseIterable & Equatable>(_ type: Value.Type) throws {
        for value in Value.allCases {
            let current = try JSONEncoder().encode([value])
            #expect(String(decoding: current, as: UTF8.self) == "[\"\(value.rawValue)\"]")
            #expect(try JSONDecoder().decode([Value].self, from: current) == [value])
            let legacy = Data("[{\"\(value.rawValue)\":{}}]".utf8)
            #expect(try JSONDecoder().decode([Value].self, from: legacy) == [value])
        }
    }

    @Test("every payload-free enum of the store's records: current form, and the form before D95")
    func everyEnum() throws {
        try expectRoundTrip(ApplyMode.self)
        try expectRoundTrip(WakeMode.self)
        try expectRoundTrip(QueueMode.self)
        try expectRoundTrip(ConsumePoint.self)
        try expectRoundTrip(DrainPolicy.self)
        try expectRoundTrip(RoutingDisposition.self)
        try expectRoundTrip(InputDurability.self)
        try expectRoundTrip(HandlingMode.self)
        try expectRoundTrip(RunBoundary.self)
        try expectRoundTrip(ResponseProgressPhase.self)
        try expectRoundTrip(ResponseTerminalStatus.self)
        try expectRoundTrip(CommsDrainPhase.self)
        try expectRoundTrip(CommsDrainMode.self)
        try expectRoundTrip(DrainExitReason.self)
    }

    @Test("an unknown name, an empty object and a two-key object are refused with the type's name")
    func refusals() {
        for text in [#"["sideways"]"#, #"[{}]"#, #"[{"fifo":{},"none":{}}]"#, #"[{"sideways":{}}]"#] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode([QueueMode].self, from: Data(text.utf8)) }
        }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([QueueMode].self, from: Data("[7]".utf8)) }
    }

    @Test("a whole policy decision written before D95 decodes to the same decision")
    func legacyPolicy() throws {
        let legacy =
            #"{"applyMode":{"stageRunStart":{}},"consumePoint":{"onRunComplete":{}},"#
            + #""drainPolicy":{"queueNextTurn":{}},"emitOperatorContent":true,"policyVersion":1,"queueMode":{"fifo":{}},"#
            + #""recordTranscript":true,"routingDisposition":{"queue":{}},"wakeMode":{"wakeIfIdle":{}}}"#
        let decoded = try JSONDecoder().decode(PolicyDecision.self, from: Data(legacy.utf8))
        #expect(decoded.applyMode == .stageRunStart)
        #expect(decoded.queueMode == .fifo)
        #expect(decoded.wakeMode == .wakeIfIdle)
        #expect(decoded.routingDisposition == .queue)
        let current = try JSONDecoder().decode(PolicyDecision.self, from: try JSONEncoder().encode(decoded))
        #expect(current == decoded)
    }
}
