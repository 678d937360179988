import Testing

@testable import WarrenRuntime

/// One durability-validation case (input-spec §7.1): an input and the error text it must give, if any.
struct DurabilityCase: Sendable, CustomTestStringConvertible {
    let name: String
    let input: Input
    let error: String?

    var testDescription: String { name }

    static let external = "External ingress cannot submit derived inputs"

    static func derived(_ source: InputOrigin) -> InputHeader {
        CoreInputs.header(source: source, durability: .derived)
    }

    /// The reference's twelve tests, with Warren's single-prefix peer texts.
    static let reference: [DurabilityCase] = [
        .init(
            name: "prompt derived rejected",
            input: CoreInputs.prompt(header: derived(.system)),
            error: "Derived durability forbidden for prompt"
        ),
        .init(
            name: "prompt durable accepted",
            input: CoreInputs.prompt(header: CoreInputs.header(durability: .durable)),
            error: nil
        ),
        .init(
            name: "prompt ephemeral accepted",
            input: CoreInputs.prompt(header: CoreInputs.header(durability: .ephemeral)),
            error: nil
        ),
        .init(
            name: "peer message derived rejected",
            input: CoreInputs.message(header: derived(.system)),
            error: "Derived durability forbidden for peer_message"
        ),
        .init(
            name: "peer request derived rejected",
            input: CoreInputs.request(header: derived(.system)),
            error: "Derived durability forbidden for peer_request"
        ),
        .init(
            name: "peer response terminal derived rejected",
            input: CoreInputs.terminal(header: derived(.system)),
            error: "Derived durability forbidden for peer_response_terminal"
        ),
        .init(
            name: "peer response progress derived accepted",
            input: CoreInputs.progress(header: derived(.system)),
            error: nil
        ),
        .init(
            name: "flow step derived rejected",
            input: CoreInputs.flowStep(header: derived(.flow(flowID: "f", stepIndex: 1))),
            error: "Derived durability forbidden for flow_step"
        ),
        .init(
            name: "external event derived from system accepted",
            input: CoreInputs.externalEvent(header: derived(.system)),
            error: nil
        ),
        .init(
            name: "external ingress derived rejected",
            input: CoreInputs.externalEvent(header: derived(.external(sourceName: "webhook"))),
            error: external
        ),
        .init(
            name: "operator derived rejected",
            input: CoreInputs.continuation(header: derived(.operator)),
            error: external
        ),
        .init(
            name: "operation derived from system accepted",
            input: CoreInputs.operation(header: derived(.system)),
            error: nil
        ),
    ]

    /// Further rows of the rule table.
    static let more: [DurabilityCase] = [
        .init(
            name: "peer origin derived rejected before the kind is looked at",
            input: CoreInputs.progress(header: derived(CoreInputs.peerOrigin)),
            error: external
        ),
        .init(
            name: "peer without convention derived accepted",
            input: CoreInputs.peer(nil, header: derived(.system)),
            error: nil
        ),
        .init(
            name: "continuation derived from system accepted",
            input: CoreInputs.continuation(header: derived(.system)),
            error: nil
        ),
        .init(
            name: "external event derived from a flow accepted",
            input: CoreInputs.externalEvent(header: derived(.flow(flowID: "f", stepIndex: 0))),
            error: nil
        ),
        .init(
            name: "prompt derived from a flow rejected by kind",
            input: CoreInputs.prompt(header: derived(.flow(flowID: "f", stepIndex: 0))),
            error: "Derived durability forbidden for prompt"
        ),
    ]
}

@Suite("Policy: admission validation")
struct AdmissionValidationTests {
    @Test("durability validation follows the reference's twelve cases", arguments: DurabilityCase.reference)
    func durabilityReference(_ row: DurabilityCase) {
        let violation = AdmissionValidation.durabilityViolation(of: row.input)
        #expect(violation == row.error.map { .durabilityViolation(detail: $0) })
    }

    @Test("durability validation: origin first, then kind", arguments: DurabilityCase.more)
    func durabilityMore(_ row: DurabilityCase) {
        let violation = AdmissionValidation.durabilityViolation(of: row.input)
        #expect(violation == row.error.map { .durabilityViolation(detail: $0) })
    }

    @Test("the derived peer error names the kind once (no peer_peer_ prefix)")
    func derivedPeerTextHasSinglePrefix() throws {
        let violation = try #require(
            AdmissionValidation.durabilityViolation(of: CoreInputs.message(header: DurabilityCase.derived(.system)))
        )
        #expect(violation.description == "Derived durability forbidden for peer_message")
        #expect(!violation.description.contains("peer_peer"))
    }

    @Test(
        "durable and ephemeral are always valid",
        arguments: [InputDurability.durable, .ephemeral]
    )
    func nonDerivedAlwaysValid(durability: InputDurability) {
        for kind in InputKind.allCases {
            var input = CoreInputs.of(kind)
            input.header.durability = durability
            input.header.source = .external(sourceName: "anyone")
            #expect(AdmissionValidation.durabilityViolation(of: input) == nil, "\(kind)")
        }
    }

    // MARK: Peer handling mode (input-spec §6.2)

    static let forbidden = RejectReason.peerHandlingModeInvalid(
        detail: "handling_mode is forbidden on ResponseProgress peer inputs"
    )

    @Test("a handling hint on a response-progress input is rejected", arguments: [HandlingMode.queue, .steer])
    func progressWithHintRejected(hint: HandlingMode) {
        #expect(AdmissionValidation.peerHandlingModeViolation(of: CoreInputs.progress(hint: hint)) == Self.forbidden)
    }

    @Test("response progress without a hint is valid")
    func progressWithoutHintValid() {
        #expect(AdmissionValidation.peerHandlingModeViolation(of: CoreInputs.progress()) == nil)
    }

    @Test("a hint on a message, request, terminal or convention-less peer input is valid")
    func otherConventionsWithHintValid() {
        let inputs = [
            CoreInputs.message(hint: .steer), CoreInputs.request(hint: .queue), CoreInputs.terminal(hint: .steer),
            CoreInputs.peer(nil, hint: .steer),
        ]
        for input in inputs {
            #expect(AdmissionValidation.peerHandlingModeViolation(of: input) == nil, "\(input.kind)")
        }
    }

    @Test("non-peer inputs always pass the peer handling-mode check")
    func nonPeerAlwaysValid() {
        let inputs = [
            CoreInputs.prompt(hint: .steer), CoreInputs.continuation(hint: .steer),
            CoreInputs.externalEvent(hint: .steer),
        ]
        for input in inputs {
            #expect(AdmissionValidation.peerHandlingModeViolation(of: input) == nil, "\(input.kind)")
        }
    }

    // MARK: Silent intents (input-spec §6.1)

    @Test("a peer request whose intent is silenced stages at run start without waking")
    func silentIntentMatches() {
        let input = CoreInputs.request(intent: "status")
        var policy = DefaultPolicyTable.resolve(input, runtimeIdle: true)
        let before = policy
        #expect(AdmissionValidation.applySilentIntents(["status", "other"], to: input, policy: &policy))
        #expect(policy.applyMode == .stageRunStart)
        #expect(policy.wakeMode == .none)
        var expected = before
        expected.wakeMode = .none
        #expect(policy == expected, "only apply and wake change")
    }

    @Test("an empty silent-intent list changes nothing")
    func silentIntentEmptyList() {
        let input = CoreInputs.request(intent: "status")
        var policy = DefaultPolicyTable.resolve(input, runtimeIdle: true)
        let before = policy
        #expect(!AdmissionValidation.applySilentIntents([], to: input, policy: &policy))
        #expect(policy == before)
    }

    @Test("a non-matching intent changes nothing (the match is exact and case-sensitive)")
    func silentIntentNoMatch() {
        for intent in ["other", "Status", "status "] {
            let input = CoreInputs.request(intent: intent)
            var policy = DefaultPolicyTable.resolve(input, runtimeIdle: true)
            let before = policy
            #expect(!AdmissionValidation.applySilentIntents(["status"], to: input, policy: &policy), "\(intent)")
            #expect(policy == before)
        }
    }

    @Test("a peer message is never silenced")
    func silentIntentIgnoresMessage() {
        let input = CoreInputs.message()
        var policy = DefaultPolicyTable.resolve(input, runtimeIdle: true)
        let before = policy
        #expect(!AdmissionValidation.applySilentIntents(["status"], to: input, policy: &policy))
        #expect(policy == before)
    }

    @Test("a prompt is never silenced")
    func silentIntentIgnoresPrompt() {
        let input = CoreInputs.prompt("status")
        var policy = DefaultPolicyTable.resolve(input, runtimeIdle: true)
        let before = policy
        #expect(!AdmissionValidation.applySilentIntents(["status"], to: input, policy: &policy))
        #expect(policy == before)
    }

    @Test("a silenced steer request keeps its steer routing")
    func silentIntentKeepsSteerRouting() {
        let input = CoreInputs.request(intent: "status", hint: .steer)
        var policy = DefaultPolicyTable.resolve(input, runtimeIdle: true)
        #expect(AdmissionValidation.applySilentIntents(["status"], to: input, policy: &policy))
        #expect(policy.applyMode == .stageRunStart)
        #expect(policy.wakeMode == .none)
        #expect(policy.routingDisposition == .steer)
    }
}
