import Foundation
import Testing
import WarrenRuntime
import WarrenStore

/// `SortedJSONEncoder` writes exactly the bytes of Foundation's `JSONEncoder` with `.sortedKeys`, on
/// the store's records and on the shapes `Codable` can produce.
@Suite("SortedJSONEncoder")
struct SortedJSONEncoderTests {
    private static let foundation: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    /// Both encoders' text of `value`, compared byte for byte, and the value read back.
    private func expectSameBytes<Value: Codable & Equatable>(
        _ value: Value,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let ours = try SortedJSONEncoder.encode(value)
        let theirs = try Self.foundation.encode(value)
        #expect(
            String(decoding: ours, as: UTF8.self) == String(decoding: theirs, as: UTF8.self),
            sourceLocation: sourceLocation
        )
        #expect(try JSONDecoder().decode(Value.self, from: Data(ours)) == value, sourceLocation: sourceLocation)
    }

    @Test("the store's records: input states, inputs, receipts and events")
    func domainRecords() throws {
        try expectSameBytes(try consumedState())
        try expectSameBytes(try queuedState())
        try expectSameBytes(richPrompt())
        try expectSameBytes(
            RunBoundaryReceipt(
                runID: RunID("run"),
                boundary: .runCheckpoint,
                contributingInputIDs: [InputID("a"), InputID("b")],
                conversationDigest: "digest",
                messageCount: 3,
                sequence: 2
            )
        )
        for event in Self.sampleEvents {
            try expectSameBytes(
                RuntimeEventEnvelope(
                    position: 7,
                    sequence: 3,
                    eventID: EventID("ev"),
                    timestamp: Timestamp(unixNanos: -5),
                    runtimeID: RuntimeID("rt/1"),
                    causationID: nil,
                    correlationID: "corr",
                    event: event
                )
            )
        }
    }

    @Test("records written by hand (D114) match Codable: every optional, origin, input kind and event")
    func handWrittenRecords() throws {
        let plain = Input.prompt(PromptInput(text: "plain \"quoted\" / \u{1}é"))
        let origins: [InputOrigin] = [
            .operator, .system, .external(sourceName: "hook"), .flow(flowID: "f", stepIndex: 2),
            .peer(peerID: "p", runtimeID: nil),
        ]
        for origin in origins {
            var input = plain
            input.header.source = origin
            try expectSameBytes(input)
            try expectSameBytes(try queuedState(input))
        }
        let peer = Input.peer(PeerInput(convention: .request(requestID: "q", intent: "ask"), body: "b"))
        try expectSameBytes(try queuedState(peer))
        try expectSameBytes(try consumedState(plain))
        try expectSameBytes(InputState(acceptedID: InputID("fresh"), at: Timestamp(unixNanos: -1)))
        var abandoned = try queuedState(plain)
        try abandoned.apply(.abandon(.retired))
        try expectSameBytes(abandoned)
        for event in Self.sampleEvents { try expectSameBytes(event) }
        for (causation, correlation) in [(nil, nil), ("c", "k")] as [(String?, String?)] {
            let envelope = RuntimeEventEnvelope(
                position: 9,
                sequence: 4,
                eventID: EventID("e"),
                timestamp: Timestamp(unixNanos: 12),
                runtimeID: RuntimeID("r"),
                causationID: causation,
                correlationID: correlation,
                event: Self.sampleEvents[0]
            )
            try expectSameBytes(envelope)
        }
    }

    private static let sampleEvents: [RuntimeEvent] = [
        .inputAccepted(inputID: InputID("i"), kind: .prompt),
        .inputQueued(inputID: InputID("i"), requeuedFromRunID: nil, attemptCount: 2),
        .inputQueued(inputID: InputID("i"), requeuedFromRunID: RunID("r"), attemptCount: 0),
        .inputAbandoned(inputID: InputID("i"), reason: .retired),
        .runStarted(runID: RunID("r"), inputIDs: [InputID("a"), InputID("b")], boundary: .runStart, executorName: "x"),
        .runFailed(runID: RunID("r"), error: "boom\n\"quoted\"", recoverable: true),
        .runtimeStateChanged(from: .idle, to: .running),
        .runtimeCreated,
        .published(
            code: "c",
            payload: [0, 255, 7],
            contentType: "text/plain",
            attributes: ["z": "1", "a": "2", "B": "3", "a10": "4", "a9": "5", "é": "6"]
        ),
    ]

    @Test("strings: quotes, backslashes, slashes, control characters and non-ASCII text")
    func strings() throws {
        try expectSameBytes("a/b\"c\\\n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f}é😀\u{2028}")
        try expectSameBytes(["key/\"é": "value", "": ""])
        try expectSameBytes("")
    }

    @Test("numbers: integer extremes and floating point as JSONEncoder writes them")
    func numbers() throws {
        try expectSameBytes([Int64.min, Int64.max, 0, -1])
        try expectSameBytes([UInt64.max, 0])
        try expectSameBytes([Int8.min, Int8.max])
        try expectSameBytes([1.0, 0.5, 1e20, 1e-7, 123_456_789.125, -0.0, 0.1, Double.leastNonzeroMagnitude])
        try expectSameBytes([Float(0.1), Float(1), Float(-2.5e-3)])
    }

    @Test("containers: nesting, optionals, dictionaries with string and integer keys, empty values")
    func containers() throws {
        try expectSameBytes(Shapes.sample)
        try expectSameBytes([Shapes.sample, Shapes(zeta: [], alpha: nil, middle: [:], nested: [[]], choice: .empty)])
        try expectSameBytes([3: "c", 10: "a", 1: "b"])
        try expectSameBytes(Empty())
        try expectSameBytes([Empty(), Empty()])
        try expectSameBytes(Optional<Int>.none)
    }

    @Test("Data is Base64 and URL its absolute string, as JSONEncoder writes them")
    func foundationScalars() throws {
        try expectSameBytes(Data([0, 1, 2, 250]))
        try expectSameBytes(["link": URL(string: "https://example.com/a?b=c")!])
    }

    @Test("an infinite or NaN number is refused, as JSONEncoder refuses it")
    func nonFiniteNumbers() {
        #expect(throws: EncodingError.self) { try SortedJSONEncoder.encode([1.0, .infinity]) }
        #expect(throws: EncodingError.self) { try SortedJSONEncoder.encode(["x": Double.nan]) }
    }

    @Test("a nested container used after its parent moved on, and two values in one, are refused")
    func misuse() {
        #expect(throws: EncodingError.self) { try SortedJSONEncoder.encode(Interleaving()) }
        #expect(throws: EncodingError.self) { try SortedJSONEncoder.encode(TwoSingleValues()) }
    }

    @Test("a key written twice keeps its last value, as JSONEncoder keeps it")
    func duplicateKey() throws {
        try expectSameBytes(DuplicateKey())
    }
}

/// Properties declared out of key order, with every kind of container.
private struct Shapes: Codable, Equatable {
    enum Choice: Codable, Equatable {
        case empty
        case pair(String, Int)
        case labelled(first: [String]?, second: Double)
    }

    var zeta: [Int]
    var alpha: String?
    var middle: [String: [String: Bool]]
    var nested: [[Choice]]
    var choice: Choice

    static let sample = Shapes(
        zeta: [3, 1, 2],
        alpha: "a",
        middle: ["b": ["y": true, "x": false], "a": [:]],
        nested: [[.pair("p", -1), .labelled(first: nil, second: 2.5)], [.labelled(first: ["q"], second: 0)]],
        choice: .empty
    )
}

private struct Empty: Codable, Equatable {}

/// Writes into a nested container after writing another key of its parent.
private struct Interleaving: Encodable {
    enum Keys: String, CodingKey { case outer, later, inner }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        var nested = container.nestedContainer(keyedBy: Keys.self, forKey: .outer)
        try container.encode(1, forKey: .later)
        try nested.encode(2, forKey: .inner)
    }
}

/// Asks one single-value container for two values.
private struct TwoSingleValues: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(1)
        try container.encode(2)
    }
}

/// Encodes one key twice.
private struct DuplicateKey: Codable, Equatable {
    enum CodingKeys: String, CodingKey { case key, other }

    init() {}

    init(from decoder: any Decoder) throws {
        _ = try decoder.container(keyedBy: CodingKeys.self)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(1, forKey: .key)
        try container.encode("x", forKey: .other)
        try container.encode(2, forKey: .key)
    }
}
