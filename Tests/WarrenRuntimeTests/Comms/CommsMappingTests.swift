import Testing
import WarrenRuntime

/// The interaction → Input mapping of §8.7 (meerkat-runtime `comms_bridge.rs` and its tests).
@Suite("Comms interaction mapping")
struct CommsMappingTests {
    static let runtime = RuntimeID("agent-runtime-1")
    static let peerClasses = PeerInputClass.allCases.filter { $0 != .plainEvent }

    func peer(_ candidate: PeerInputCandidate) throws -> PeerInput {
        guard case .peer(let input) = InteractionMapping.input(for: candidate, runtimeID: Self.runtime) else {
            throw MappingFailure.wrongFamily
        }
        return input
    }

    func event(_ candidate: PeerInputCandidate) throws -> ExternalEventInput {
        guard case .externalEvent(let input) = InteractionMapping.input(for: candidate, runtimeID: Self.runtime) else {
            throw MappingFailure.wrongFamily
        }
        return input
    }

    enum MappingFailure: Error { case wrongFamily }

    // MARK: Peer family

    @Test(
        "every class but plain event becomes a peer input from the sender, naming the runtime",
        arguments: peerClasses
    )
    func peerFamily(inputClass: PeerInputClass) throws {
        let input = try peer(commsCandidate(inputClass, from: "peer-1"))
        #expect(input.header.source == .peer(peerID: "peer-1", runtimeID: Self.runtime))
    }

    @Test(
        "the header: new id, interaction id as correlation, fully visible, no keys",
        arguments: PeerInputClass.allCases
    )
    func header(inputClass: PeerInputClass) {
        let candidate = commsCandidate(inputClass, from: "event:webhook")
        let first = InteractionMapping.input(for: candidate, runtimeID: Self.runtime)
        let second = InteractionMapping.input(for: candidate, runtimeID: Self.runtime)
        #expect(first.id != second.id, "each mapping mints a new input id")
        #expect(first.header.correlationID == candidate.interaction.id.rawValue)
        #expect(first.header.visibility == InputVisibility(transcriptEligible: true, operatorEligible: true))
        #expect(first.header.idempotencyKey == nil)
        #expect(first.header.supersessionKey == nil)
    }

    @Test("a message maps to the message convention, durable, its body when nothing is rendered")
    func message() throws {
        let input = try peer(commsCandidate(.actionableMessage, content: .message(body: "hello")))
        #expect(input.convention == .message)
        #expect(input.body == "hello")
        #expect(input.header.durability == .durable)
        #expect(Input.peer(input).kind == .peerMessage)
    }

    @Test("a request maps to the request convention keyed by the interaction id, durable")
    func request() throws {
        let candidate = commsCandidate(
            .actionableRequest,
            content: .request(intent: "mob.peer_added", paramsJSON: Array(#"{"name":"agent-1"}"#.utf8))
        )
        let input = try peer(candidate)
        #expect(input.convention == .request(requestID: candidate.interaction.id.rawValue, intent: "mob.peer_added"))
        #expect(input.body == #"{"name":"agent-1"}"#, "with no rendered text the body is the params JSON")
        #expect(input.header.durability == .durable)
        #expect(Input.peer(input).kind == .peerRequest)
    }

    @Test(
        "a completed or failed response is a terminal response to the request it answers, durable",
        arguments: [PeerResponseStatus.completed, .failed]
    )
    func terminalResponse(status: PeerResponseStatus) throws {
        let request = InteractionID.make()
        let input = try peer(
            commsCandidate(
                .response,
                content: .response(inReplyTo: request, status: status, resultJSON: Array(#"{"error":"timeout"}"#.utf8))
            )
        )
        let expected: ResponseTerminalStatus = status == .completed ? .completed : .failed
        #expect(input.convention == .responseTerminal(requestID: request.rawValue, status: expected))
        #expect(input.header.durability == .durable)
        #expect(input.body == #"{"error":"timeout"}"#, "with no rendered text the body is the result JSON")
        #expect(Input.peer(input).kind == .peerResponseTerminal)
    }

    @Test("an accepted response is ephemeral progress, the only non-durable peer input")
    func progressResponse() throws {
        let request = InteractionID.make()
        let input = try peer(
            commsCandidate(.response, content: .response(inReplyTo: request, status: .accepted, resultJSON: []))
        )
        #expect(input.convention == .responseProgress(requestID: request.rawValue, phase: .accepted))
        #expect(input.header.durability == .ephemeral)
        #expect(input.body == "null", "an absent result reads as JSON null")
        #expect(Input.peer(input).kind == .peerResponseProgress)
        #expect(input.handlingMode == nil, "progress never carries a hint, so admission does not reject it")
    }

    @Test("rendered text, when present, is the body for every content kind")
    func renderedTextWins() throws {
        let contents: [InteractionContent] = [
            .message(body: "please inspect this image"),
            .request(intent: "mob.peer_added", paramsJSON: Array(#"{"peer":"agent-1"}"#.utf8)),
            .response(inReplyTo: .make(), status: .completed, resultJSON: Array("{}".utf8)),
        ]
        for content in contents {
            let input = try peer(commsCandidate(.actionableMessage, content: content, renderedText: "[COMMS] rendered"))
            #expect(input.body == "[COMMS] rendered")
        }
    }

    @Test("message blocks are kept; requests and responses carry none")
    func blocks() throws {
        let blocks: [ContentBlock] = [
            .text("see image"), .image(mediaType: "image/png", source: .inline(base64: "abc")),
        ]
        let message = try peer(
            commsCandidate(.actionableMessage, content: .message(body: "see image", blocks: blocks), renderedText: "r")
        )
        #expect(message.blocks == blocks)
        #expect(message.body == "r")
        #expect(try peer(commsCandidate(.actionableRequest)).blocks.isEmpty)
        #expect(try peer(commsCandidate(.response)).blocks.isEmpty)
    }

    @Test("queue becomes no hint and steer is kept", arguments: peerClasses)
    func handlingMode(inputClass: PeerInputClass) throws {
        #expect(try peer(commsCandidate(inputClass, handlingMode: .queue)).handlingMode == nil)
        #expect(try peer(commsCandidate(inputClass, handlingMode: .steer)).handlingMode == .steer)
    }

    @Test("an 'event:' sender that is not classified as a plain event stays a peer with its full name")
    func eventPrefixDoesNotDecide() throws {
        let input = try peer(
            commsCandidate(
                .actionableMessage,
                from: "event:webhook",
                content: .message(body: "hello"),
                renderedText: "[COMMS MESSAGE from event:webhook]\nhello"
            )
        )
        #expect(input.header.source == .peer(peerID: "event:webhook", runtimeID: Self.runtime))
        #expect(input.body == "[COMMS MESSAGE from event:webhook]\nhello")
    }

    // MARK: External event family

    @Test("a plain event becomes a durable external event named by the sender minus 'event:'")
    func plainEvent() throws {
        let input = try event(
            commsCandidate(.plainEvent, from: "event:webhook", content: .message(body: #"{"ok":true}"#))
        )
        #expect(input.header.source == .external(sourceName: "webhook"))
        #expect(input.eventType == "webhook")
        #expect(input.header.durability == .durable)
        #expect(String(decoding: input.payloadJSON, as: UTF8.self) == #"{"body":"{\"ok\":true}"}"#)
        #expect(input.blocks.isEmpty)
        #expect(input.handlingMode == .queue, "queue stays queue on an external event")
        #expect(Input.externalEvent(input).kind == .externalEvent)
    }

    @Test("a plain event from a sender without the prefix keeps the sender as its source name")
    func plainEventWithoutPrefix() throws {
        let input = try event(commsCandidate(.plainEvent, from: "webhook"))
        #expect(input.eventType == "webhook")
        #expect(InteractionMapping.sourceName(of: "event:event:x") == "event:x", "only one prefix is removed")
    }

    @Test("a plain event keeps steer and its message blocks")
    func plainEventModeAndBlocks() throws {
        let blocks: [ContentBlock] = [.text("see image")]
        let input = try event(
            commsCandidate(
                .plainEvent,
                from: "event:webhook",
                content: .message(body: "see image", blocks: blocks),
                renderedText: "[EVENT via webhook] see image",
                handlingMode: .steer
            )
        )
        #expect(input.handlingMode == .steer)
        #expect(input.blocks == blocks)
        #expect(String(decoding: input.payloadJSON, as: UTF8.self) == #"{"body":"see image"}"#, "no blocks in payload")
    }

    @Test("request and response payloads carry their fields with sorted keys")
    func payloads() {
        let request = InteractionMapping.externalEventPayload(
            for: .request(intent: "deploy", paramsJSON: Array(#"{"env":"prod"}"#.utf8))
        )
        #expect(String(decoding: request, as: UTF8.self) == #"{"intent":"deploy","params":{"env":"prod"}}"#)
        let reply = InteractionID("0190a000-0000-7000-8000-000000000001")
        let response = InteractionMapping.externalEventPayload(
            for: .response(inReplyTo: reply, status: .failed, resultJSON: Array("42".utf8))
        )
        #expect(
            String(decoding: response, as: UTF8.self)
                == #"{"in_reply_to":"0190a000-0000-7000-8000-000000000001","result":42,"status":"failed"}"#
        )
    }

    @Test("payload strings are escaped as JSON")
    func escaping() {
        let payload = InteractionMapping.externalEventPayload(for: .message(body: "a\"b\\c\nd\u{01}é"))
        #expect(String(decoding: payload, as: UTF8.self) == #"{"body":"a\"b\\c\nd\u0001é"}"#)
    }
}
