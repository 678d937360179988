import Testing
import WarrenProto
import WarrenRPC
import WarrenRuntime
import WarrenServer

@Suite("Event, comms and ops mapping")
struct EventAndCommsMappingTests {
    static let receipt = WarrenRuntime.RunBoundaryReceipt(
        runID: Fixture.runID,
        boundary: .runStart,
        contributingInputIDs: [Fixture.inputID]
    )

    /// One event of every domain kind (the test below checks that the list covers them all).
    static let events: [WarrenRuntime.RuntimeEvent] = [
        .inputAccepted(inputID: Fixture.inputID, kind: .peerRequest),
        .inputQueued(inputID: Fixture.inputID, requeuedFromRunID: nil, attemptCount: 0),
        .inputQueued(inputID: Fixture.inputID, requeuedFromRunID: Fixture.runID, attemptCount: 2),
        .inputDeduplicated(inputID: Fixture.inputID, existingID: Fixture.otherInputID),
        .inputSuperseded(inputID: Fixture.inputID, by: Fixture.otherInputID),
        .inputCoalesced(inputID: Fixture.inputID, into: Fixture.otherInputID),
        .inputStaged(inputID: Fixture.inputID, runID: Fixture.runID),
        .inputApplied(inputID: Fixture.inputID, runID: Fixture.runID, boundarySequence: 0),
        .inputConsumed(inputID: Fixture.inputID, runID: nil),
        .inputConsumed(inputID: Fixture.inputID, runID: Fixture.runID),
        .inputAbandoned(inputID: Fixture.inputID, reason: .failed),
        .runStarted(runID: Fixture.runID, inputIDs: [Fixture.inputID], boundary: .runCheckpoint, executorName: "echo"),
        .runCompleted(runID: Fixture.runID, consumedInputIDs: [Fixture.inputID, Fixture.otherInputID]),
        .runFailed(runID: Fixture.runID, error: "e", recoverable: true),
        .runCancelled(runID: Fixture.runID, reason: "interrupt"),
        .runtimeStateChanged(from: .idle, to: .running), .runtimeCreated,
        .runtimeRetired(WarrenRuntime.RetireReport(inputsAbandoned: 1, inputsPendingDrain: 2)),
        .runtimeRecycled(WarrenRuntime.RecycleReport(inputsTransferred: 3)),
        .runtimeDestroyed(WarrenRuntime.DestroyReport(inputsAbandoned: 4)),
        .runtimeReset(WarrenRuntime.ResetReport(inputsAbandoned: 5)),
        .runtimeRecovered(WarrenRuntime.RecoveryReport(inputsRecovered: 1)),
        .runtimeUnregistered, .executorAttached(name: "remote-1"), .executorDetached(name: "remote-1", reason: "gone"),
        .boundaryCommitted(receipt),
        .commsDrainChanged(from: .inactive, to: .starting, mode: .persistentHost, exitReason: nil),
        .commsDrainChanged(from: .running, to: .exitedRespawnable, mode: .attachedSession, exitReason: .failed),
        .published(
            code: "app.deployed",
            payload: [0, 1],
            contentType: "application/octet-stream",
            attributes: ["k": "v"]
        ),
    ]

    @Test("the event fixtures cover every domain kind")
    func coverage() {
        #expect(Set(Self.events.map(\.kind)) == Set(WarrenRuntime.RuntimeEventKind.allCases))
    }

    @Test("every event survives the trip inside its envelope", arguments: events)
    func envelopeRoundTrip(_ event: WarrenRuntime.RuntimeEvent) throws {
        let envelope = WarrenRuntime.RuntimeEventEnvelope(
            position: 10,
            sequence: 3,
            eventID: Fixture.eventID,
            timestamp: Fixture.time,
            runtimeID: Fixture.sessionID.runtimeID,
            causationID: "cause",
            correlationID: nil,
            event: event
        )
        let wire = WarrenProto.RuntimeEventEnvelope(envelope)
        #expect(wire.sessionID == Fixture.sessionID.rawValue)
        let decoded = try roundTrip(envelope, WarrenProto.RuntimeEventEnvelope.init) {
            try WarrenRuntime.RuntimeEventEnvelope(wire: $0, field: "envelope")
        }
        #expect(decoded == envelope)
    }

    @Test("built-in executors are flagged as such; other names are not")
    func builtinFlag() {
        for (name, builtin) in [("echo", true), ("fail:2", true), ("remote-1", false)] {
            guard
                case .executorAttached(let event) = WarrenProto.RuntimeEvent(
                    .executorAttached(name: name),
                    runtimeID: RuntimeID("r")
                ).event
            else { continue }
            #expect(event.builtin == builtin)
        }
    }

    @Test("event kinds the runtime never emits are refused, by field")
    func unemittedKinds() {
        let wire = WarrenProto.RuntimeEvent(event: .opsPeerReady(OpsPeerReadyEvent()))
        #expect(
            invalidArgument { () throws(RPCError) in _ = try WarrenRuntime.RuntimeEvent(wire: wire, field: "event") }?
                .message
                == "event.ops_peer_ready: this event kind has no domain form in Warren's runtime"
        )
    }

    @Test("filters: kinds and runtimes survive the trip; categories expand; unemitted-only filters are refused")
    func filters() throws {
        let filter = WarrenRuntime.EventFilter(
            runtimeIDs: [RuntimeID("a"), RuntimeID("b")],
            kinds: Set(WarrenRuntime.RuntimeEventKind.allCases)
        )
        #expect(
            try roundTrip(filter, WarrenProto.EventFilter.init) {
                try WarrenRuntime.EventFilter(wire: $0, field: "filter")
            } == filter
        )
        let byCategory = try WarrenRuntime.EventFilter(
            wire: WarrenProto.EventFilter(categories: [.runLifecycle]),
            field: "filter"
        )
        #expect(byCategory.kinds == [.runStarted, .runCompleted, .runFailed, .runCancelled])
        let unemitted = WarrenProto.EventFilter(kinds: [.opsStatusChanged], categories: [.projection])
        #expect(
            invalidArgument { () throws(RPCError) in _ = try WarrenRuntime.EventFilter(wire: unemitted, field: "filter")
            }?.message
                == "filter: names only event kinds Warren's runtime never emits"
        )
        #expect(
            invalidArgument { () throws(RPCError) in
                _ = try WarrenRuntime.EventFilter(wire: WarrenProto.EventFilter(kinds: [.unspecified]), field: "filter")
            }?.message == "filter.kinds[0]: unspecified"
        )
    }

    @Test("subscription starts and items survive the trip")
    func subscriptions() throws {
        for start in [SubscriptionStart.beginning, .after(42), .now] {
            #expect(SubscriptionStart.optional(wire: SubscribeRequest.Start(start)) == start)
        }
        #expect(SubscriptionStart.optional(wire: nil) == nil)
        let envelope = WarrenRuntime.RuntimeEventEnvelope(
            position: 1,
            sequence: 1,
            eventID: Fixture.eventID,
            timestamp: Fixture.time,
            runtimeID: RuntimeID("r"),
            event: .runtimeCreated
        )
        for item in [SubscriptionItem.event(envelope), .caughtUp(position: 9), .lagged(from: 2, to: 5)] {
            #expect(
                try roundTrip([item], { SubscribeResponse($0[0]) }) { try [SubscriptionItem](wire: $0, field: "item") }
                    == [item]
            )
        }
    }

    @Test("a batch reads as its events in order; an empty one is refused by name")
    func batches() throws {
        let envelopes = (1...3).map { position in
            WarrenRuntime.RuntimeEventEnvelope(
                position: position,
                sequence: position,
                eventID: Fixture.eventID,
                timestamp: Fixture.time,
                runtimeID: RuntimeID("r"),
                event: .runtimeCreated
            )
        }
        let wire = envelopes.map(WarrenProto.RuntimeEventEnvelope.init)
        let batch = SubscribeResponse(item: .batch(EnvelopeBatch(envelopes: wire)))
        #expect(try [SubscriptionItem](wire: batch, field: "item") == envelopes.map(SubscriptionItem.event))
        let empty = invalidArgument { () throws(RPCError) in
            _ = try [SubscriptionItem](wire: SubscribeResponse(item: .batch(EnvelopeBatch())), field: "item")
        }
        #expect(empty?.message == "item.batch: a batch carries at least one envelope")
    }

    @Test("a published event keeps only what the publisher chooses")
    func publishing() throws {
        var wire = WarrenProto.RuntimeEventEnvelope(
            WarrenRuntime.RuntimeEventEnvelope(
                position: 0,
                sequence: 0,
                runtimeID: RuntimeID("r"),
                causationID: "c",
                event: Self.events.last!
            )
        )
        wire.eventID = ""
        let pending = try PendingEvent(publishing: wire, field: "envelope")
        #expect(pending == PendingEvent(Self.events.last!, causationID: "c"))
    }

    @Test("comms enums survive the trip; absent mode and exit reason are UNSPECIFIED")
    func commsEnums() throws {
        for phase in WarrenRuntime.CommsDrainPhase.allCases {
            #expect(try WarrenRuntime.CommsDrainPhase(wire: WarrenProto.CommsDrainPhase(phase), field: "p") == phase)
        }
        for mode in WarrenRuntime.CommsDrainMode.allCases.map(Optional.some) + [nil] {
            #expect(
                try WarrenRuntime.CommsDrainMode.optional(wire: WarrenProto.CommsDrainMode(mode), field: "m") == mode
            )
        }
        for reason in WarrenRuntime.DrainExitReason.allCases.map(Optional.some) + [nil] {
            #expect(
                try WarrenRuntime.DrainExitReason.optional(wire: WarrenProto.DrainExitReason(reason), field: "r")
                    == reason
            )
        }
        for inputClass in WarrenRuntime.PeerInputClass.allCases {
            #expect(
                try WarrenRuntime.PeerInputClass(wire: WarrenProto.PeerInputClass(inputClass), field: "c") == inputClass
            )
        }
        #expect(
            invalidArgument { () throws(RPCError) in
                _ = try WarrenRuntime.DrainExitReason(wire: .unspecified, field: "reason")
            }?.message
                == "reason: unspecified"
        )
    }

    @Test("peer candidates survive the trip with every content, status and render hint")
    func candidates() throws {
        let contents: [WarrenRuntime.InteractionContent] =
            [
                .message(body: "hi", blocks: Fixture.blocks), .request(intent: "review", paramsJSON: Array("{}".utf8)),
            ]
            + WarrenRuntime.PeerResponseStatus.allCases.map {
                .response(inReplyTo: Fixture.interactionID, status: $0, resultJSON: [1])
            }
        let hints: [InteractionRenderMetadata?] =
            [nil] + InteractionRenderMetadata.RenderClass.allCases.map { InteractionRenderMetadata(renderClass: $0) }
            + InteractionRenderMetadata.Salience.allCases.map {
                InteractionRenderMetadata(renderClass: .systemNotice, salience: $0)
            }
        for content in contents {
            for hint in hints {
                let candidate = WarrenRuntime.PeerInputCandidate(
                    interaction: PeerInteraction(
                        id: Fixture.interactionID,
                        from: "peer-a",
                        content: content,
                        renderedText: "t",
                        handlingMode: .steer,
                        renderMetadata: hint
                    ),
                    inputClass: .actionableMessage,
                    lifecyclePeer: "peer-b"
                )
                let decoded = try roundTrip(candidate, WarrenProto.PeerInputCandidate.init) {
                    try WarrenRuntime.PeerInputCandidate(wire: $0, field: "candidate")
                }
                #expect(decoded == candidate)
            }
        }
    }

    @Test("an unset class is derived from the content; an empty interaction id is assigned")
    func derivedClass() throws {
        let cases: [(String, WarrenRuntime.InteractionContent, WarrenRuntime.PeerInputClass)] = [
            ("peer", .message(body: "b"), .actionableMessage),
            ("peer", .request(intent: "i", paramsJSON: []), .actionableRequest),
            ("peer", .response(inReplyTo: Fixture.interactionID, status: .completed, resultJSON: []), .response),
            ("event:deploys", .message(body: "b"), .plainEvent),
        ]
        for (from, content, expected) in cases {
            var wire = WarrenProto.PeerInputCandidate(
                WarrenRuntime.PeerInputCandidate(
                    interaction: PeerInteraction(from: from, content: content),
                    inputClass: .ack
                )
            )
            wire.inputClass = .unspecified
            wire.interaction?.interactionID = ""
            let candidate = try WarrenRuntime.PeerInputCandidate(wire: wire, field: "candidate")
            #expect(candidate.inputClass == expected)
            #expect(!candidate.interaction.id.rawValue.isEmpty)
        }
    }

    @Test("interaction outcomes survive the trip")
    func interactionOutcomes() throws {
        let outcomes: [WarrenRuntime.InteractionOutcome] = [
            .complete(result: "r"), .callbackPending(toolName: "t", argumentsJSON: [1]), .failed(error: "e"),
        ]
        for outcome in outcomes {
            #expect(
                try roundTrip(outcome, WarrenProto.InteractionOutcome.init) {
                    try WarrenRuntime.InteractionOutcome(wire: $0, field: "o")
                } == outcome
            )
        }
    }

    static let terminalOutcomes: [WarrenRuntime.OperationTerminalOutcome] = [
        .completed(
            result: WarrenRuntime.OperationResult(
                operationID: Fixture.operationID,
                content: "c",
                isError: true,
                durationMilliseconds: 5,
                tokensUsed: 6
            )
        ),
        .failed(error: "e"), .aborted(reason: nil), .aborted(reason: "a"), .cancelled(reason: nil),
        .cancelled(reason: "c"),
        .retired, .terminated(reason: "owner gone"),
    ]

    @Test("ops snapshots, feed entries and specs survive the trip for every kind, status and outcome")
    func ops() throws {
        let handle = WarrenRuntime.OperationPeerHandle(
            peerName: "child",
            trustedPeer: .init(name: "n", peerID: "id", address: "addr")
        )
        for kind in WarrenRuntime.OperationKind.allCases {
            for (status, outcome) in zip(
                WarrenRuntime.OperationStatus.allCases,
                [nil, nil, nil, nil] + Self.terminalOutcomes
            ) {
                let snapshot = WarrenRuntime.OperationLifecycleSnapshot(
                    id: Fixture.operationID,
                    kind: kind,
                    displayName: "op",
                    status: status,
                    peerReady: true,
                    progressCount: 2,
                    watcherCount: 1,
                    terminalOutcome: outcome,
                    childSessionID: Fixture.sessionID,
                    peerHandle: handle,
                    createdAt: Fixture.time,
                    startedAt: outcome == nil ? nil : Fixture.time,
                    completedAt: outcome == nil ? nil : Fixture.time,
                    elapsed: outcome == nil ? nil : .milliseconds(1_500)
                )
                let decoded = try roundTrip(snapshot, WarrenProto.OperationLifecycleSnapshot.init) {
                    try WarrenRuntime.OperationLifecycleSnapshot(wire: $0, field: "op")
                }
                #expect(decoded == snapshot)
            }
            let spec = WarrenRuntime.OperationSpec(
                id: Fixture.operationID,
                kind: kind,
                ownerSessionID: Fixture.sessionID,
                displayName: "d",
                sourceLabel: "s",
                childSessionID: nil,
                expectPeerChannel: true
            )
            #expect(
                try roundTrip(spec, WarrenProto.OperationSpec.init) {
                    try WarrenRuntime.OperationSpec(wire: $0, field: "spec")
                } == spec
            )
        }
        for outcome in Self.terminalOutcomes {
            let entry = WarrenRuntime.CompletionEntry(
                seq: 3,
                operationID: Fixture.operationID,
                kind: .backgroundToolOp,
                displayName: "d",
                terminalOutcome: outcome,
                completedAt: nil
            )
            #expect(
                try roundTrip(entry, WarrenProto.CompletionEntry.init) {
                    try WarrenRuntime.CompletionEntry(wire: $0, field: "entry")
                } == entry
            )
        }
        let cursors = OpsCursors(agentApplied: 1, runtimeObserved: 2, runtimeLastInjected: 3)
        #expect(try roundTrip(cursors, EpochCursorSnapshot.init, OpsCursors.init(wire:)) == cursors)
        let progress = WarrenRuntime.OperationProgressUpdate(message: "m", percent: 0.5)
        #expect(
            try roundTrip(
                progress,
                WarrenProto.OperationProgressUpdate.init,
                WarrenRuntime.OperationProgressUpdate.init(wire:)
            ) == progress
        )
    }
}
