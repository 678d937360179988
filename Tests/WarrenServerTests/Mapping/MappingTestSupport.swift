import Testing
import WarrenProto
import WarrenRPC
import WarrenRuntime
import WarrenServer

/// Encodes a domain value, sends the wire message through real protobuf bytes, and decodes it again.
func roundTrip<Domain, Wire: ProtoMessage>(
    _ value: Domain,
    _ encode: (Domain) -> Wire,
    _ decode: (Wire) throws -> Domain
) throws -> Domain {
    try decode(Wire(serializedBytes: encode(value).serializedBytes()))
}

/// The INVALID_ARGUMENT a decode throws, or nil when it succeeds or throws something else.
func invalidArgument(_ body: () throws(RPCError) -> Void) -> RPCError? {
    do {
        try body()
        return nil
    } catch {
        return error.code == .invalidArgument ? error : nil
    }
}

/// Fixed values shared by the mapping tests.
enum Fixture {
    static let inputID = InputID("01890a5d-ac96-774b-bcce-b302099a8057")
    static let otherInputID = InputID("01890a5d-ac96-774b-bcce-b302099a8058")
    static let runID = RunID("01890a5d-ac96-774b-bcce-b302099a8059")
    static let sessionID = SessionID("01890a5d-ac96-774b-bcce-b302099a805a")
    static let operationID = OperationID("01890a5d-ac96-774b-bcce-b302099a805b")
    static let eventID = EventID("01890a5d-ac96-774b-bcce-b302099a805c")
    static let interactionID = InteractionID("01890a5d-ac96-774b-bcce-b302099a805d")
    static let time = Timestamp(unixNanos: 1_700_000_000_123_456_789)

    static func header(
        _ source: WarrenRuntime.InputOrigin = .operator,
        durability: WarrenRuntime.InputDurability = .durable
    ) -> WarrenRuntime.InputHeader {
        WarrenRuntime.InputHeader(
            id: inputID,
            timestamp: time,
            source: source,
            durability: durability,
            visibility: WarrenRuntime.InputVisibility(transcriptEligible: false, operatorEligible: true),
            idempotencyKey: "key-1",
            supersessionKey: "scope",
            correlationID: "corr-7"
        )
    }

    static let metadata = WarrenRuntime.RuntimeTurnMetadata(
        handlingMode: .steer,
        keepAlive: false,
        skillReferences: ["01890a5d-ac96-774b-bcce-b302099a8000/review", "plain-skill"],
        additionalInstructions: ["be brief"],
        model: "m",
        provider: "p"
    )

    static let blocks: [WarrenRuntime.ContentBlock] = [
        .text("hello"),
        .image(mediaType: "image/png", source: .inline(base64: "AAAA")),
        .image(mediaType: "image/jpeg", source: .blob(id: "sha256:abcd")),
    ]

    /// One input of every variant, with every optional field set.
    static let inputs: [WarrenRuntime.Input] = [
        .prompt(WarrenRuntime.PromptInput(header: header(), text: "hi", blocks: blocks, turnMetadata: metadata)),
        .prompt(WarrenRuntime.PromptInput(header: header(), text: "bare")),
        .peer(
            WarrenRuntime.PeerInput(
                header: header(.peer(peerID: "p1", runtimeID: RuntimeID("rt-1"))),
                convention: nil,
                body: "b"
            )
        ),
        .peer(
            WarrenRuntime.PeerInput(
                header: header(.peer(peerID: "p1", runtimeID: nil)),
                convention: .message,
                body: "b",
                handlingMode: .queue
            )
        ),
        .peer(
            WarrenRuntime.PeerInput(
                header: header(),
                convention: .request(requestID: "r", intent: "review"),
                body: "b",
                blocks: blocks
            )
        ),
        .peer(
            WarrenRuntime.PeerInput(
                header: header(),
                convention: .responseProgress(requestID: "r", phase: .accepted),
                body: "b"
            )
        ),
        .peer(
            WarrenRuntime.PeerInput(
                header: header(),
                convention: .responseProgress(requestID: "r", phase: .inProgress),
                body: "b"
            )
        ),
        .peer(
            WarrenRuntime.PeerInput(
                header: header(),
                convention: .responseProgress(requestID: "r", phase: .partialResult),
                body: "b"
            )
        ),
        .peer(
            WarrenRuntime.PeerInput(
                header: header(),
                convention: .responseTerminal(requestID: "r", status: .completed),
                body: "b"
            )
        ),
        .peer(
            WarrenRuntime.PeerInput(
                header: header(),
                convention: .responseTerminal(requestID: "r", status: .failed),
                body: "b"
            )
        ),
        .peer(
            WarrenRuntime.PeerInput(
                header: header(),
                convention: .responseTerminal(requestID: "r", status: .cancelled),
                body: "b"
            )
        ),
        .flowStep(
            WarrenRuntime.FlowStepInput(
                header: header(.flow(flowID: "f", stepIndex: 3), durability: .derived),
                stepID: "s",
                instructions: "do",
                blocks: blocks,
                turnMetadata: metadata
            )
        ),
        .externalEvent(
            WarrenRuntime.ExternalEventInput(
                header: header(.external(sourceName: "hook"), durability: .ephemeral),
                eventType: "push",
                payloadJSON: Array(#"{"a":1}"#.utf8),
                blocks: blocks,
                handlingMode: .steer
            )
        ),
        .continuation(
            WarrenRuntime.ContinuationInput(
                header: header(.system),
                reason: "resume",
                handlingMode: .queue,
                requestID: "r"
            )
        ),
        .continuation(WarrenRuntime.ContinuationInput(header: header(.system), reason: "resume", handlingMode: .steer)),
        .operation(
            WarrenRuntime.OperationInput(header: header(.system), operationID: operationID, eventJSON: Array("{}".utf8))
        ),
    ]

    static let policy = WarrenRuntime.PolicyDecision(
        applyMode: .stageRunBoundary,
        wakeMode: .none,
        queueMode: .supersede,
        consumePoint: .onApply,
        drainPolicy: .steerBatch,
        routingDisposition: .steer,
        recordTranscript: false,
        emitOperatorContent: true,
        policyVersion: 4
    )

    /// A ledger record with every field the wire carries set (history aside: it cannot be rebuilt, D42).
    static func inputState(
        state: WarrenRuntime.InputLifecycleState = .abandoned,
        outcome: WarrenRuntime.InputTerminalOutcome? = .abandoned(.maxAttemptsExhausted(attempts: 3))
    ) -> WarrenRuntime.InputState {
        var record = WarrenRuntime.InputState.restored(
            inputID: inputID,
            state: state,
            terminalOutcome: outcome,
            lastRunID: runID,
            lastBoundarySequence: 0,
            attemptCount: 3,
            history: [],
            createdAt: time,
            updatedAt: Timestamp(unixNanos: time.unixNanos + 5)
        )
        record.policy = policy
        record.durability = .ephemeral
        record.idempotencyKey = "key-1"
        record.persistedInput = inputs[0]
        return record
    }
}
