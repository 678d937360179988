package import WarrenProto
package import WarrenRPC
package import WarrenRuntime

// Content blocks, turn metadata and the handling/execution hints shared by the input variants.

extension WarrenProto.ContentBlock {
    /// The wire form of a content block.
    package init(_ block: WarrenRuntime.ContentBlock) {
        switch block {
        case .text(let text):
            self.init(block: .text(ContentBlockText(text: text)))
        case .image(let mediaType, .inline(let base64)):
            self.init(block: .image(ContentBlockImage(mediaType: mediaType, imageSource: .inlineData(base64))))
        case .image(let mediaType, .blob(let id)):
            self.init(block: .image(ContentBlockImage(mediaType: mediaType, imageSource: .blobID(id))))
        }
    }
}

extension WarrenRuntime.ContentBlock {
    /// Reads a content block; video blocks have no domain form yet and are refused (D43).
    package init(wire: WarrenProto.ContentBlock, field: String) throws(RPCError) {
        switch try requireOneof(wire.block, field) {
        case .text(let text):
            self = .text(text.text)
        case .image(let image):
            switch try requireOneof(image.imageSource, "\(field).image.image_source") {
            case .inlineData(let base64): self = .image(mediaType: image.mediaType, source: .inline(base64: base64))
            case .blobID(let id): self = .image(mediaType: image.mediaType, source: .blob(id: id))
            }
        case .video:
            throw RPCError.invalidWire("\(field).video", "video blocks are not supported")
        }
    }

    /// Reads a repeated block field.
    package static func list(wire: [WarrenProto.ContentBlock], field: String) throws(RPCError) -> [Self] {
        try decodeEach(wire, field) { (block, path) throws(RPCError) in try Self(wire: block, field: path) }
    }
}

extension WarrenProto.HandlingMode {
    /// The wire form of a handling hint.
    package init(_ mode: WarrenRuntime.HandlingMode) {
        switch mode {
        case .queue: self = .queue
        case .steer: self = .steer
        }
    }

    /// The wire form of an optional hint: UNSPECIFIED when absent.
    package init(_ mode: WarrenRuntime.HandlingMode?) {
        self = mode.map(Self.init) ?? .unspecified
    }
}

extension WarrenRuntime.HandlingMode {
    /// Reads an optional hint: UNSPECIFIED is absent.
    package static func optional(wire: WarrenProto.HandlingMode, field: String) throws(RPCError) -> Self? {
        switch wire {
        case .unspecified: nil
        case .queue: .queue
        case .steer: .steer
        case .unrecognized: throw invalidEnum(wire, field)
        }
    }

    /// Reads a hint that has a default: UNSPECIFIED is queue, the reference's default.
    package init(wire: WarrenProto.HandlingMode, field: String) throws(RPCError) {
        self = try Self.optional(wire: wire, field: field) ?? .queue
    }
}

extension WarrenProto.RuntimeExecutionKind {
    /// The wire form of an execution kind.
    package init(_ kind: WarrenRuntime.RuntimeExecutionKind) {
        switch kind {
        case .contentTurn: self = .contentTurn
        case .resumePending: self = .resumePending
        }
    }
}

extension WarrenRuntime.RuntimeExecutionKind {
    /// Reads an execution kind: UNSPECIFIED is a content turn (the batch's own kind when none is given).
    package init(wire: WarrenProto.RuntimeExecutionKind, field: String) throws(RPCError) {
        switch wire {
        case .unspecified, .contentTurn: self = .contentTurn
        case .resumePending: self = .resumePending
        case .unrecognized: throw invalidEnum(wire, field)
        }
    }
}

extension WarrenProto.RuntimeTurnMetadata {
    /// The wire form of turn metadata. The wire's JSON overlays and render metadata have no domain field
    /// and stay empty; the execution kind is the batch's, given by the caller (D43).
    package init(
        _ metadata: WarrenRuntime.RuntimeTurnMetadata,
        executionKind: WarrenRuntime.RuntimeExecutionKind? = nil
    ) {
        self.init(
            handlingMode: WarrenProto.HandlingMode(metadata.handlingMode),
            keepAlive: metadata.keepAlive.map { BoolValue(value: $0) },
            skillReferences: metadata.skillReferences.map(SkillKey.init(reference:)),
            additionalInstructions: metadata.additionalInstructions,
            model: metadata.model.wireText,
            provider: metadata.provider.wireText,
            executionKind: executionKind.map(WarrenProto.RuntimeExecutionKind.init) ?? .unspecified
        )
    }
}

extension WarrenRuntime.RuntimeTurnMetadata {
    /// Reads turn metadata (the wire-only fields are dropped, D43).
    package init(wire: WarrenProto.RuntimeTurnMetadata, field: String) throws(RPCError) {
        self.init(
            handlingMode: try WarrenRuntime.HandlingMode.optional(
                wire: wire.handlingMode,
                field: "\(field).handling_mode"
            ),
            keepAlive: wire.keepAlive?.value,
            skillReferences: wire.skillReferences.map(\.reference),
            additionalInstructions: wire.additionalInstructions,
            model: wire.model.nonEmpty,
            provider: wire.provider.nonEmpty
        )
    }
}

extension SkillKey {
    /// A domain skill reference is one string: `<source_uuid>/<skill_name>`, or the bare name when the
    /// reference names no source (D43).
    init(reference: String) {
        if let slash = reference.firstIndex(of: "/"), WireUUID.isValid(String(reference[..<slash])) {
            self.init(
                sourceUuid: String(reference[..<slash]),
                skillName: String(reference[reference.index(after: slash)...])
            )
        } else {
            self.init(skillName: reference)
        }
    }

    /// The domain's one-string form of this key.
    var reference: String { sourceUuid.isEmpty ? skillName : "\(sourceUuid)/\(skillName)" }
}
