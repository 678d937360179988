import Testing
import WarrenProto
import WarrenRPC
import WarrenRuntime
import WarrenServer

@Suite("Input mapping")
struct InputMappingTests {
    @Test("every input variant survives domain → bytes → domain", arguments: Fixture.inputs)
    func inputRoundTrip(_ input: WarrenRuntime.Input) throws {
        let decoded = try roundTrip(input, WarrenProto.Input.init) { try WarrenRuntime.Input(wire: $0, field: "input") }
        #expect(decoded == input)
    }

    @Test("every origin and durability survives the trip")
    func originsAndDurabilities() throws {
        let origins: [WarrenRuntime.InputOrigin] = [
            .operator, .peer(peerID: "p", runtimeID: nil), .peer(peerID: "p", runtimeID: RuntimeID("rt")),
            .flow(flowID: "f", stepIndex: 9), .system, .external(sourceName: "s"),
        ]
        for origin in origins {
            for durability in [WarrenRuntime.InputDurability.durable, .ephemeral, .derived] {
                let header = Fixture.header(origin, durability: durability)
                let decoded = try roundTrip(header, WarrenProto.InputHeader.init) {
                    try WarrenRuntime.InputHeader(wire: $0, field: "header")
                }
                #expect(decoded == header)
            }
        }
    }

    @Test("absent optionals travel as empty values and come back absent")
    func absentOptionals() throws {
        let header = WarrenRuntime.InputHeader(id: Fixture.inputID, timestamp: Fixture.time)
        let wire = WarrenProto.InputHeader(header)
        #expect(wire.idempotencyKey.isEmpty && wire.supersessionKey.isEmpty && wire.correlationID.isEmpty)
        #expect(try WarrenRuntime.InputHeader(wire: wire, field: "header") == header)
        #expect(WarrenProto.RuntimeTurnMetadata(WarrenRuntime.RuntimeTurnMetadata()).handlingMode == .unspecified)
    }

    @Test("an absent visibility reads as fully visible")
    func absentVisibility() throws {
        var wire = WarrenProto.InputHeader(Fixture.header())
        wire.visibility = nil
        #expect(try WarrenRuntime.InputHeader(wire: wire, field: "h").visibility == WarrenRuntime.InputVisibility())
    }

    @Test("UNSPECIFIED handling mode on events and continuations reads as queue")
    func handlingModeDefault() throws {
        let wire = WarrenProto.Input(
            variant: .continuation(
                WarrenProto.ContinuationInput(header: WarrenProto.InputHeader(Fixture.header(.system)), reason: "r")
            )
        )
        guard case .continuation(let continuation) = try WarrenRuntime.Input(wire: wire, field: "input") else {
            Issue.record("not a continuation")
            return
        }
        #expect(continuation.handlingMode == .queue)
    }

    @Test("an operation input's event reaches the domain as its JSON; the domain's JSON does not travel back")
    func operationEventIsLossy() throws {
        let event = OpEvent(event: .cancelled(OpEventCancelled(operationID: Fixture.operationID.rawValue)))
        let wire = WarrenProto.Input(
            variant: .operation(
                WarrenProto.OperationInput(
                    header: WarrenProto.InputHeader(Fixture.header(.system)),
                    operationID: Fixture.operationID.rawValue,
                    event: event
                )
            )
        )
        let domain = try WarrenRuntime.Input(wire: wire, field: "input")
        guard case .operation(let operation) = domain else {
            Issue.record("not an operation")
            return
        }
        #expect(operation.eventJSON == Array(event.jsonValue().jsonText.utf8))
        guard case .operation(let back) = WarrenProto.Input(domain).variant else {
            Issue.record("not an operation")
            return
        }
        #expect(back.event == nil)
    }

    @Test("invalid wire inputs name the offending field")
    func invalidInputs() {
        let header = WarrenProto.InputHeader(Fixture.header())
        var badID = header
        badID.inputID = "not-a-uuid"
        var noSource = header
        noSource.source = nil
        var noDurability = header
        noDurability.durability = .unspecified
        var unknownDurability = header
        unknownDurability.durability = WarrenProto.InputDurability(rawValue: 42)
        let video = WarrenProto.ContentBlock(block: .video(ContentBlockVideo(mediaType: "video/mp4")))
        let cases: [(WarrenProto.Input, String)] = [
            (WarrenProto.Input(), "input: no variant set"),
            (WarrenProto.Input(variant: .prompt(WarrenProto.PromptInput(text: "x"))), "input.prompt.header: missing"),
            (
                WarrenProto.Input(variant: .prompt(WarrenProto.PromptInput(header: badID))),
                "input.prompt.header.input_id: not a UUID: \"not-a-uuid\""
            ),
            (
                WarrenProto.Input(variant: .prompt(WarrenProto.PromptInput(header: noSource))),
                "input.prompt.header.source: missing"
            ),
            (
                WarrenProto.Input(variant: .prompt(WarrenProto.PromptInput(header: noDurability))),
                "input.prompt.header.durability: unspecified"
            ),
            (
                WarrenProto.Input(variant: .prompt(WarrenProto.PromptInput(header: unknownDurability))),
                "input.prompt.header.durability: unknown value 42"
            ),
            (
                WarrenProto.Input(variant: .prompt(WarrenProto.PromptInput(header: header, blocks: [.init(), video]))),
                "input.prompt.blocks[0]: no variant set"
            ),
            (
                WarrenProto.Input(variant: .flowStep(WarrenProto.FlowStepInput(header: header, blocks: [video]))),
                "input.flow_step.blocks[0].video: video blocks are not supported"
            ),
            (
                WarrenProto.Input(
                    variant: .peer(
                        WarrenProto.PeerInput(
                            header: header,
                            convention: WarrenProto.PeerConvention(),
                            handlingMode: .steer
                        )
                    )
                ),
                "input.peer.convention: no variant set"
            ),
            (
                WarrenProto.Input(
                    variant: .peer(WarrenProto.PeerInput(header: header, handlingMode: .init(rawValue: 9)))
                ),
                "input.peer.handling_mode: unknown value 9"
            ),
            (
                WarrenProto.Input(variant: .operation(WarrenProto.OperationInput(header: header))),
                "input.operation.operation_id: missing"
            ),
        ]
        for (wire, message) in cases {
            let error = invalidArgument { () throws(RPCError) in _ = try WarrenRuntime.Input(wire: wire, field: "input")
            }
            #expect(error?.message == message)
            #expect(error?.detail == ErrorDetail(kind: .validationFailed, reason: message))
        }
    }

    @Test("UUIDs are accepted in either case and kept lowercase; runtime ids are free text")
    func identifiers() throws {
        let upper = Fixture.inputID.rawValue.uppercased()
        #expect(try InputID(wire: upper, field: "id") == Fixture.inputID)
        #expect(try RuntimeID(wire: "any text", field: "id") == RuntimeID("any text"))
        #expect(try RunID.optional(wire: "", field: "id") == nil)
        let error = invalidArgument { () throws(RPCError) in _ = try InputID.list(wire: [upper, "x"], field: "ids") }
        #expect(error?.message == "ids[1]: not a UUID: \"x\"")
    }
}
