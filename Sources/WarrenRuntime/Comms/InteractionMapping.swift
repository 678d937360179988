/// The comms bridge: turns a drained interaction into the runtime ``Input`` it is admitted as
/// (meerkat-runtime `comms_bridge.rs`, adapter-spec §8.7, input-spec §1.3).
///
/// Only the class decides the family: ``PeerInputClass/plainEvent`` becomes an external event, every other
/// class a peer input — a sender named "event:…" that is not classified as a plain event stays a peer.
public enum InteractionMapping {
    /// The input for `candidate`, admitted into the runtime `runtimeID` (the session's runtime id).
    ///
    /// Every call mints a new ``InputID`` and stamps `now`; the correlation id is the interaction id, so
    /// the events the input causes can be traced back to the interaction.
    public static func input(
        for candidate: PeerInputCandidate,
        runtimeID: RuntimeID,
        now: Timestamp = .now()
    ) -> Input {
        if candidate.inputClass == .plainEvent {
            return externalEvent(for: candidate.interaction, now: now)
        }
        return peerInput(for: candidate.interaction, runtimeID: runtimeID, now: now)
    }

    /// The peer input for `interaction` (the reference's `interaction_to_peer_input`).
    public static func peerInput(for interaction: PeerInteraction, runtimeID: RuntimeID, now: Timestamp = .now())
        -> Input
    {
        let convention = convention(for: interaction)
        // Progress is disposable (it coalesces and is superseded by the terminal response), so it is
        // never persisted; everything else must survive a restart.
        let durability: InputDurability
        if case .responseProgress = convention { durability = .ephemeral } else { durability = .durable }
        let header = header(
            for: interaction,
            source: .peer(peerID: interaction.from, runtimeID: runtimeID),
            durability: durability,
            now: now
        )
        return .peer(
            PeerInput(
                header: header,
                convention: convention,
                body: peerBody(for: interaction),
                blocks: messageBlocks(of: interaction),
                // Queue is the peer kinds' default, so it is dropped to let the policy table decide;
                // steer is an explicit override and is kept.
                handlingMode: interaction.handlingMode == .queue ? nil : interaction.handlingMode
            )
        )
    }

    /// The external event for a plain-event interaction.
    ///
    /// Render metadata is not carried: Warren's ``ExternalEventInput`` has no field for it yet.
    public static func externalEvent(for interaction: PeerInteraction, now: Timestamp = .now()) -> Input {
        let sourceName = sourceName(of: interaction.from)
        return .externalEvent(
            ExternalEventInput(
                header: header(
                    for: interaction,
                    source: .external(sourceName: sourceName),
                    durability: .durable,
                    now: now
                ),
                eventType: sourceName,
                payloadJSON: externalEventPayload(for: interaction.content),
                blocks: messageBlocks(of: interaction),
                handlingMode: interaction.handlingMode
            )
        )
    }

    /// The peer convention of an interaction's content.
    public static func convention(for interaction: PeerInteraction) -> PeerConvention {
        switch interaction.content {
        case .message: .message
        case .request(let intent, _): .request(requestID: interaction.id.rawValue, intent: intent)
        case .response(let inReplyTo, .accepted, _): .responseProgress(requestID: inReplyTo.rawValue, phase: .accepted)
        case .response(let inReplyTo, .completed, _):
            .responseTerminal(requestID: inReplyTo.rawValue, status: .completed)
        case .response(let inReplyTo, .failed, _): .responseTerminal(requestID: inReplyTo.rawValue, status: .failed)
        }
    }

    /// The source name of a plain event: the sender with one leading "event:" removed.
    public static func sourceName(of from: String) -> String {
        from.hasPrefix("event:") ? String(from.dropFirst("event:".count)) : from
    }

    /// The body the model sees: the rendered text when there is one, else the raw content.
    public static func peerBody(for interaction: PeerInteraction) -> String {
        if !interaction.renderedText.isEmpty { return interaction.renderedText }
        switch interaction.content {
        case .message(let body, _): return body
        case .request(_, let params): return String(decoding: jsonValue(params), as: UTF8.self)
        case .response(_, _, let result): return String(decoding: jsonValue(result), as: UTF8.self)
        }
    }

    /// The external event payload as compact JSON with sorted keys (what serde_json's default map writes):
    /// `{"body"}`, `{"intent","params"}` or `{"in_reply_to","result","status"}`.
    public static func externalEventPayload(for content: InteractionContent) -> [UInt8] {
        var out: [UInt8] = []
        switch content {
        case .message(let body, _):
            out += Array(#"{"body":"#.utf8)
            appendJSONString(body, to: &out)
        case .request(let intent, let params):
            out += Array(#"{"intent":"#.utf8)
            appendJSONString(intent, to: &out)
            out += Array(#","params":"#.utf8)
            out += jsonValue(params)
        case .response(let inReplyTo, let status, let result):
            out += Array(#"{"in_reply_to":"#.utf8)
            appendJSONString(inReplyTo.rawValue, to: &out)
            out += Array(#","result":"#.utf8)
            out += jsonValue(result)
            out += Array(#","status":"#.utf8)
            appendJSONString(status.rawValue, to: &out)
        }
        out.append(UInt8(ascii: "}"))
        return out
    }

    private static func header(
        for interaction: PeerInteraction,
        source: InputOrigin,
        durability: InputDurability,
        now: Timestamp
    ) -> InputHeader {
        InputHeader(
            id: .make(),
            timestamp: now,
            source: source,
            durability: durability,
            visibility: InputVisibility(transcriptEligible: true, operatorEligible: true),
            idempotencyKey: nil,
            supersessionKey: nil,
            correlationID: interaction.id.rawValue
        )
    }

    private static func messageBlocks(of interaction: PeerInteraction) -> [ContentBlock] {
        if case .message(_, let blocks) = interaction.content { return blocks }
        return []
    }

    /// Raw JSON bytes as given, with absent bytes read as `null` (a missing serde `Value`).
    private static func jsonValue(_ bytes: [UInt8]) -> [UInt8] {
        bytes.isEmpty ? Array("null".utf8) : bytes
    }

    /// Appends `text` as a JSON string literal, escaping as serde_json does.
    private static func appendJSONString(_ text: String, to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x08: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x00..<0x20:
                out += Array("\\u00".utf8)
                out += [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
