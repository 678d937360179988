import SwiftProtobuf
// The same logical messages built with WarrenProto and with swift-protobuf, for the codec benchmarks.
public import SwiftProtobufWarren
public import WarrenProto

/// UUIDv7-shaped ids (version nibble 7, variant 10xx), fixed so every run encodes the same bytes.
enum IDs {
    static let event = "01936f2a-7c41-7d3e-9a52-4be1c07f3d21"
    static let runtime = "01936f29-e1b0-7a44-8f13-6c2d95b1e0a7"
    static let session = "01936f29-e1b2-7c18-b7e4-1f0a3d6c8e52"
    static let causation = "01936f2a-7c3f-7f60-a1d9-82c5e4b7036f"
    static let correlation = "01936f2a-7a02-71b5-9e38-d04f6a2c15b9"
    static let run = "01936f2a-6f10-7b2a-8c47-3e9d1f5a7b04"
    static let inputs = [
        "01936f2a-5d21-7e90-b3c6-0a8f4d2e9c17",
        "01936f2a-5e88-73f1-84a2-6b1c9e0d7f35",
        "01936f2a-6004-7a6d-9f0e-2c7b5a8d4e61",
    ]
    static let input = "01936f2a-7d55-7c02-a6e1-5f3b8c0d2a94"
}

/// 2024-11-27T10:41:23.456789012Z in Unix nanoseconds.
let timestamp: Int64 = 1_732_704_083_456_789_012

/// A 256-byte ASCII prompt.
public let promptText: String = {
    let sentence =
        "Summarize the failing deployment steps in the last run, list the affected services, "
        + "and propose a rollback plan that keeps the database migrations intact. "
    var text = ""
    while text.utf8.count < 256 { text += sentence }
    let result = String(decoding: Array(text.utf8.prefix(256)), as: UTF8.self)
    precondition(result.utf8.count == 256)
    return result
}()

/// One benchmarked message in both libraries.
public enum Fixture: String, CaseIterable, Sendable {
    /// RuntimeEventEnvelope whose event is run.completed (run id + 3 consumed input ids).
    case envelopeRunCompleted = "Envelope.RunCompleted"
    /// RuntimeEventEnvelope whose event is input.applied (input id, run id, boundary sequence).
    case envelopeInputApplied = "Envelope.InputApplied"
    /// Input.prompt with a full InputHeader and a 256-byte text.
    case inputPrompt = "Input.Prompt"
}

// MARK: - WarrenProto

public enum WarrenFixtures {
    public static func envelope(event: RuntimeEvent.Event) -> RuntimeEventEnvelope {
        RuntimeEventEnvelope(
            position: 1_048_577,
            sequence: 4_217,
            eventID: IDs.event,
            timestampUnixNanos: timestamp,
            runtimeID: IDs.runtime,
            sessionID: IDs.session,
            causationID: IDs.causation,
            correlationID: IDs.correlation,
            event: RuntimeEvent(event: event)
        )
    }

    public static let envelopeRunCompleted = envelope(
        event: .runCompleted(RunCompletedEvent(runID: IDs.run, consumedInputIDs: IDs.inputs))
    )

    public static let envelopeInputApplied = envelope(
        event: .inputApplied(InputAppliedEvent(inputID: IDs.inputs[0], runID: IDs.run, boundarySequence: 981))
    )

    public static let inputPrompt = Input(
        variant: .prompt(
            PromptInput(
                header: InputHeader(
                    inputID: IDs.input,
                    timestampUnixNanos: timestamp,
                    source: InputOrigin(
                        origin: .peerOrigin(InputOriginPeer(peerID: "peer-analyst-7", runtimeID: IDs.runtime))
                    ),
                    durability: .durable,
                    visibility: InputVisibility(transcriptEligible: true, operatorEligible: true),
                    idempotencyKey: "deploy-review-2024-11-27-0001",
                    supersessionKey: "",
                    correlationID: IDs.correlation
                ),
                text: promptText
            )
        )
    )
}

// MARK: - swift-protobuf

public enum SwiftProtobufFixtures {
    public static func envelope(_ fill: (inout Warren_V1_RuntimeEvent) -> Void) -> Warren_V1_RuntimeEventEnvelope {
        var envelope = Warren_V1_RuntimeEventEnvelope()
        envelope.position = 1_048_577
        envelope.sequence = 4_217
        envelope.eventID = IDs.event
        envelope.timestampUnixNanos = timestamp
        envelope.runtimeID = IDs.runtime
        envelope.sessionID = IDs.session
        envelope.causationID = IDs.causation
        envelope.correlationID = IDs.correlation
        var event = Warren_V1_RuntimeEvent()
        fill(&event)
        envelope.event = event
        return envelope
    }

    public static let envelopeRunCompleted = envelope {
        var completed = Warren_V1_RunCompletedEvent()
        completed.runID = IDs.run
        completed.consumedInputIds = IDs.inputs
        $0.runCompleted = completed
    }

    public static let envelopeInputApplied = envelope {
        var applied = Warren_V1_InputAppliedEvent()
        applied.inputID = IDs.inputs[0]
        applied.runID = IDs.run
        applied.boundarySequence = 981
        $0.inputApplied = applied
    }

    public static let inputPrompt: Warren_V1_Input = {
        var peer = Warren_V1_InputOriginPeer()
        peer.peerID = "peer-analyst-7"
        peer.runtimeID = IDs.runtime
        var header = Warren_V1_InputHeader()
        header.inputID = IDs.input
        header.timestampUnixNanos = timestamp
        header.source.peerOrigin = peer
        header.durability = .durable
        header.visibility.transcriptEligible = true
        header.visibility.operatorEligible = true
        header.idempotencyKey = "deploy-review-2024-11-27-0001"
        header.correlationID = IDs.correlation
        var prompt = Warren_V1_PromptInput()
        prompt.header = header
        prompt.text = promptText
        var input = Warren_V1_Input()
        input.prompt = prompt
        return input
    }()
}

// MARK: - Equivalence check

public struct FixtureMismatch: Error, CustomStringConvertible {
    public let description: String
}

/// Checks that both libraries encode `fixture` to the same bytes and decode each other's bytes to the
/// same message. Returns the encoding. Run once at benchmark setup.
@discardableResult
public func verifyEquivalence(_ fixture: Fixture) throws -> [UInt8] {
    switch fixture {
    case .envelopeRunCompleted:
        return try verify(WarrenFixtures.envelopeRunCompleted, SwiftProtobufFixtures.envelopeRunCompleted, fixture)
    case .envelopeInputApplied:
        return try verify(WarrenFixtures.envelopeInputApplied, SwiftProtobufFixtures.envelopeInputApplied, fixture)
    case .inputPrompt:
        return try verify(WarrenFixtures.inputPrompt, SwiftProtobufFixtures.inputPrompt, fixture)
    }
}

func verify<W: ProtoMessage, S: SwiftProtobuf.Message & Equatable>(_ ours: W, _ theirs: S, _ fixture: Fixture) throws
    -> [UInt8]
{
    let ourBytes = try ours.serializedBytes()
    let theirBytes: [UInt8] = try theirs.serializedBytes()
    guard ourBytes == theirBytes else {
        throw FixtureMismatch(
            description:
                "\(fixture.rawValue): WarrenProto encodes \(ourBytes.count) bytes, swift-protobuf \(theirBytes.count), and they differ"
        )
    }
    guard try W(serializedBytes: theirBytes) == ours else {
        throw FixtureMismatch(
            description: "\(fixture.rawValue): WarrenProto decodes swift-protobuf's bytes to a different message"
        )
    }
    guard try S(serializedBytes: ourBytes) == theirs else {
        throw FixtureMismatch(
            description: "\(fixture.rawValue): swift-protobuf decodes WarrenProto's bytes to a different message"
        )
    }
    // Empty messages are not a useful benchmark: make sure the fixture really carries data.
    guard ourBytes.count > 100 else {
        throw FixtureMismatch(description: "\(fixture.rawValue): only \(ourBytes.count) bytes")
    }
    return ourBytes
}
