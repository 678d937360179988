import Testing

@testable import WarrenRuntime

/// A stored input row for recovery tests.
enum StoredRows {
    static let run = RunID.make()
    static let sequence: UInt64 = 7

    /// A row of `input` that reached `state` through the normal transitions (staged in ``run``).
    static func row(
        _ input: Input = CoreInputs.prompt(),
        in state: InputLifecycleState,
        withPolicy: Bool = true,
        withPayload: Bool = true
    ) throws -> InputState {
        var record = InputState(acceptedID: input.id)
        record.durability = input.header.durability
        record.idempotencyKey = input.header.idempotencyKey
        if withPolicy { record.policy = DefaultPolicyTable.resolve(input, runtimeIdle: true) }
        if withPayload { record.persistedInput = input }
        let toAPC: [InputLifecycleEvent] = [
            .queueAccepted, .stageForRun(run), .markApplied(run),
            .markAppliedPendingConsumption(boundarySequence: sequence),
        ]
        let path: [InputLifecycleEvent]
        switch state {
        case .accepted: path = []
        case .queued: path = [.queueAccepted]
        case .staged: path = Array(toAPC.prefix(2))
        case .applied: path = Array(toAPC.prefix(3))
        case .appliedPendingConsumption: path = toAPC
        case .consumed: path = toAPC + [.consume]
        case .superseded: path = [.queueAccepted, .supersede(by: .make())]
        case .coalesced: path = [.queueAccepted, .coalesce(into: .make())]
        case .abandoned: path = [.queueAccepted, .abandon(.reset)]
        }
        for event in path { try record.apply(event) }
        return record
    }

    /// The receipt for ``run`` at ``sequence`` listing `ids`.
    static func receipt(listing ids: [InputID]) -> RunBoundaryReceipt {
        RunBoundaryReceipt(runID: run, boundary: .runStart, contributingInputIDs: ids, sequence: sequence)
    }

    /// Recovers `rows`, looking receipts up by the row's (last run, last sequence) as a store does.
    static func recover(
        _ rows: [InputState],
        persisted: RuntimeState? = nil,
        receipts: [RunBoundaryReceipt] = []
    ) throws(RuntimeDriverError) -> (driver: RuntimeDriver, report: RecoveryReport) {
        try RuntimeDriver.recovered(
            runtimeID: CoreHarness.runtimeID,
            states: rows,
            persistedState: persisted,
            committedReceipt: { row in
                receipts.first { $0.runID == row.lastRunID && $0.sequence == row.lastBoundarySequence }
            }
        )
    }
}

/// One row of the normalisation table (persistence-spec §4.1, with Warren's receipt fix).
struct NormalisationCase: Sendable, CustomTestStringConvertible {
    let name: String
    let stored: InputLifecycleState
    let receiptListsInput: Bool?
    let expected: InputLifecycleState
    let reason: String?

    var testDescription: String { name }

    static let committed = "recovery: boundary receipt already committed"
    static let missing = "recovery: missing boundary receipt"
    static let preRun = "recovery: pre-run state normalized to queued"

    static let all: [NormalisationCase] = [
        .init(
            name: "applied pending consumption with a receipt listing it is consumed",
            stored: .appliedPendingConsumption,
            receiptListsInput: true,
            expected: .consumed,
            reason: committed
        ),
        .init(
            name: "applied with a receipt listing it is consumed",
            stored: .applied,
            receiptListsInput: true,
            expected: .consumed,
            reason: committed
        ),
        .init(
            name: "applied pending consumption without a receipt is replayed",
            stored: .appliedPendingConsumption,
            receiptListsInput: nil,
            expected: .queued,
            reason: missing
        ),
        .init(
            name: "applied without a receipt is replayed",
            stored: .applied,
            receiptListsInput: nil,
            expected: .queued,
            reason: missing
        ),
        .init(
            name: "applied pending consumption with a receipt that does not list it is replayed",
            stored: .appliedPendingConsumption,
            receiptListsInput: false,
            expected: .queued,
            reason: missing
        ),
        .init(
            name: "staged with a receipt listing it is consumed",
            stored: .staged,
            receiptListsInput: true,
            expected: .consumed,
            reason: committed
        ),
        .init(
            name: "staged without a receipt is requeued",
            stored: .staged,
            receiptListsInput: nil,
            expected: .queued,
            reason: preRun
        ),
        .init(
            name: "staged with a receipt that does not list it is requeued",
            stored: .staged,
            receiptListsInput: false,
            expected: .queued,
            reason: preRun
        ),
        .init(
            name: "accepted is requeued",
            stored: .accepted,
            receiptListsInput: nil,
            expected: .queued,
            reason: preRun
        ),
        .init(
            name: "queued stays queued",
            stored: .queued,
            receiptListsInput: nil,
            expected: .queued,
            reason: nil
        ),
        .init(
            name: "consumed stays consumed",
            stored: .consumed,
            receiptListsInput: true,
            expected: .consumed,
            reason: nil
        ),
        .init(
            name: "abandoned stays abandoned",
            stored: .abandoned,
            receiptListsInput: nil,
            expected: .abandoned,
            reason: nil
        ),
        .init(
            name: "superseded stays superseded",
            stored: .superseded,
            receiptListsInput: nil,
            expected: .superseded,
            reason: nil
        ),
        .init(
            name: "coalesced stays coalesced",
            stored: .coalesced,
            receiptListsInput: nil,
            expected: .coalesced,
            reason: nil
        ),
    ]
}

@Suite("Driver: recovery from stored state")
struct RecoveryTests {
    @Test("stored phases are normalised", arguments: NormalisationCase.all)
    func normalisation(_ row: NormalisationCase) throws {
        var stored = try StoredRows.row(in: row.stored)
        var receipts: [RunBoundaryReceipt] = []
        if let lists = row.receiptListsInput {
            receipts = [StoredRows.receipt(listing: lists ? [stored.inputID] : [.make()])]
            // A staged row names a receipt only when the boundary commit stamped it (persistence-spec §6 gap).
            if stored.lastBoundarySequence == nil {
                stored.stampReceipt(runID: StoredRows.run, sequence: StoredRows.sequence)
            }
        }
        let result = try StoredRows.recover([stored], receipts: receipts)
        var driver = result.driver
        let report = result.report
        let recovered = try #require(driver[stored.inputID])
        #expect(recovered.state == row.expected)
        #expect(recovered.attemptCount == stored.attemptCount)
        #expect(recovered.lastRunID == stored.lastRunID)
        if let reason = row.reason {
            #expect(recovered.history.count == stored.history.count + 1)
            #expect(recovered.history.last?.reason == reason)
            #expect(recovered.history.last?.from == row.stored)
            #expect(recovered.history.last?.to == row.expected)
        } else {
            #expect(recovered.history == stored.history)
        }
        if row.expected == .consumed {
            #expect(recovered.terminalOutcome == .consumed)
        }
        let requeued = row.expected == .queued
        #expect(CoreHarness.queueLane(driver) == (requeued ? [stored.inputID] : []))
        #expect(report.inputsRecovered == (row.expected.isTerminal ? 0 : 1))
        #expect(report.inputsRequeued == (row.reason == nil || row.expected != .queued ? 0 : 1))
        let consumedNow = row.reason == NormalisationCase.committed
        #expect(report.inputsConsumedByReceipt == (consumedNow ? 1 : 0))
        #expect(driver.takeSignal() == (requeued ? .wakeLoop : .none))
        #expect(driver.takeChangedStates().map(\.inputID) == [stored.inputID])
    }

    @Test("a queued row whose stamped receipt lists it is consumed, not replayed")
    func queuedWithCommittedReceiptConsumed() throws {
        var stored = try StoredRows.row(in: .queued)
        stored.stampReceipt(runID: StoredRows.run, sequence: StoredRows.sequence)
        let (driver, report) = try StoredRows.recover(
            [stored],
            receipts: [StoredRows.receipt(listing: [stored.inputID])]
        )
        #expect(driver[stored.inputID]?.state == .consumed)
        #expect(driver.lanes.isEmpty)
        #expect(report.inputsConsumedByReceipt == 1)
    }

    @Test("only the inputs a receipt lists are consumed; the rest of its run is replayed")
    func receiptConsumesOnlyListedInputs() throws {
        let listed = try StoredRows.row(CoreInputs.message(), in: .appliedPendingConsumption)
        let unlisted = try StoredRows.row(CoreInputs.message(), in: .appliedPendingConsumption)
        let (driver, report) = try StoredRows.recover(
            [listed, unlisted],
            receipts: [StoredRows.receipt(listing: [listed.inputID])]
        )
        #expect(driver[listed.inputID]?.state == .consumed)
        #expect(driver[unlisted.inputID]?.state == .queued)
        #expect(CoreHarness.queueLane(driver) == [unlisted.inputID])
        #expect(report.inputsConsumedByReceipt == 1)
        #expect(report.inputsRequeued == 1)
    }

    @Test("ephemeral rows are dropped and their keys forgotten")
    func ephemeralDropped() throws {
        let ephemeral = try StoredRows.row(
            CoreInputs.prompt(header: CoreInputs.header(durability: .ephemeral, key: "eph")),
            in: .queued
        )
        let durable = try StoredRows.row(CoreInputs.prompt(), in: .queued)
        let result = try StoredRows.recover([ephemeral, durable])
        var driver = result.driver
        let report = result.report
        #expect(driver[ephemeral.inputID] == nil)
        #expect(CoreHarness.queueLane(driver) == [durable.inputID])
        #expect(report.inputsRecovered == 1)
        let again = CoreInputs.prompt(header: CoreInputs.header(key: "eph"))
        guard case .accepted = try driver.accept(again) else {
            Issue.record("the forgotten key must not deduplicate")
            return
        }
    }

    @Test("the dedup index is rebuilt from every durable row, terminal ones included")
    func dedupIndexRebuilt() throws {
        let consumed = try StoredRows.row(
            CoreInputs.prompt(header: CoreInputs.header(key: "done")),
            in: .consumed
        )
        let queued = try StoredRows.row(CoreInputs.prompt(header: CoreInputs.header(key: "live")), in: .queued)
        var (driver, _) = try StoredRows.recover([consumed, queued])
        let first = CoreInputs.prompt(header: CoreInputs.header(key: "done"))
        #expect(try driver.accept(first) == .deduplicated(inputID: first.id, existingID: consumed.inputID))
        let second = CoreInputs.prompt(header: CoreInputs.header(key: "live"))
        #expect(try driver.accept(second) == .deduplicated(inputID: second.id, existingID: queued.inputID))
    }

    @Test("queued rows re-enter their lane by stored policy, in load order")
    func lanesRebuiltInLoadOrder() throws {
        let a = try StoredRows.row(CoreInputs.message(), in: .queued)
        let steer = try StoredRows.row(CoreInputs.continuation(), in: .queued)
        let b = try StoredRows.row(CoreInputs.externalEvent(), in: .staged)
        let c = try StoredRows.row(CoreInputs.message(), in: .queued)
        let (driver, _) = try StoredRows.recover([a, steer, b, c])
        #expect(CoreHarness.queueLane(driver) == [a.inputID, b.inputID, c.inputID])
        #expect(CoreHarness.steerLane(driver) == [steer.inputID])
    }

    @Test("a row without a stored policy is routed by the re-resolved policy")
    func missingPolicyReResolved() throws {
        let steer = try StoredRows.row(CoreInputs.continuation(), in: .queued, withPolicy: false)
        let (driver, _) = try StoredRows.recover([steer])
        #expect(CoreHarness.steerLane(driver) == [steer.inputID])
    }

    @Test("a row with neither policy nor payload is kept for dedup only")
    func noPayloadLedgerOnly() throws {
        let bare = try StoredRows.row(
            CoreInputs.prompt(header: CoreInputs.header(key: "bare")),
            in: .queued,
            withPolicy: false,
            withPayload: false
        )
        var (driver, _) = try StoredRows.recover([bare])
        #expect(driver[bare.inputID]?.state == .queued)
        #expect(driver.lanes.isEmpty)
        let again = CoreInputs.prompt(header: CoreInputs.header(key: "bare"))
        #expect(try driver.accept(again) == .deduplicated(inputID: again.id, existingID: bare.inputID))
    }

    @Test("the retry budget carries across recovery")
    func retryBudgetSurvives() throws {
        let base = try StoredRows.row(in: .queued)
        var stored = InputState.restored(
            inputID: base.inputID,
            state: .staged,
            terminalOutcome: nil,
            lastRunID: StoredRows.run,
            lastBoundarySequence: nil,
            attemptCount: 2,
            history: base.history,
            createdAt: base.createdAt,
            updatedAt: base.updatedAt
        )
        stored.policy = base.policy
        stored.persistedInput = base.persistedInput
        stored.durability = base.durability
        var (driver, _) = try StoredRows.recover([stored])
        #expect(driver[stored.inputID]?.state == .queued)
        let run = try CoreHarness.start(&driver)
        try driver.runFailed(run.runID, error: "boom")
        #expect(driver[stored.inputID]?.terminalOutcome == .abandoned(.maxAttemptsExhausted(attempts: 3)))
    }

    @Test("a persisted retired state is re-applied: the queue drains, new input is refused")
    func retiredReapplied() throws {
        let queued = try StoredRows.row(in: .queued)
        var (driver, _) = try StoredRows.recover([queued], persisted: .retired)
        #expect(driver.state == .retired)
        #expect(CoreHarness.queueLane(driver) == [queued.inputID])
        #expect(driver.takeSignal() == .wakeLoop)
        #expect(throws: RuntimeDriverError.notReady(state: .retired)) { try driver.accept(CoreInputs.prompt()) }
        let run = try CoreHarness.start(&driver)
        try CoreHarness.complete(run, in: &driver)
        #expect(driver.state == .retired)
    }

    @Test(
        "a persisted stopped or destroyed state is re-applied when no input is active",
        arguments: [RuntimeState.stopped, .destroyed]
    )
    func terminalReapplied(state: RuntimeState) throws {
        let done = try StoredRows.row(in: .consumed)
        let (driver, _) = try StoredRows.recover([done], persisted: state)
        #expect(driver.state == state)
        #expect(driver[done.inputID]?.state == .consumed)
    }

    @Test(
        "a persisted stopped or destroyed state with active inputs is store corruption",
        arguments: [RuntimeState.stopped, .destroyed]
    )
    func terminalWithActiveInputsIsCorruption(state: RuntimeState) throws {
        let queued = try StoredRows.row(in: .queued)
        do {
            _ = try StoredRows.recover([queued], persisted: state)
            Issue.record("recovery must fail")
        } catch {
            guard case .internal(let message) = error else {
                Issue.record("expected an internal error, got \(error)")
                return
            }
            #expect(message.contains("store corruption"))
        }
    }

    @Test(
        "every other persisted state recovers as idle",
        arguments: [nil, RuntimeState.idle, .attached, .running, .initializing, .recovering]
    )
    func otherStatesRecoverIdle(state: RuntimeState?) throws {
        let (driver, _) = try StoredRows.recover([try StoredRows.row(in: .queued)], persisted: state)
        #expect(driver.state == .idle)
    }

    @Test("recovery counts and signals: active inputs recovered, a wake when work is queued")
    func reportAndWake() throws {
        let rows = [
            try StoredRows.row(in: .queued), try StoredRows.row(in: .accepted),
            try StoredRows.row(in: .consumed), try StoredRows.row(in: .abandoned),
        ]
        let result = try StoredRows.recover(rows)
        var driver = result.driver
        let report = result.report
        #expect(report.inputsRecovered == 2)
        #expect(report.inputsRequeued == 1)
        #expect(report.inputsAbandoned == 0)
        #expect(driver.takeSignal() == .wakeLoop)
        #expect(CoreHarness.events(&driver) == [.runtimeRecovered(report)])
        var (empty, _) = try StoredRows.recover([try StoredRows.row(in: .consumed)])
        #expect(empty.takeSignal() == .none)
    }

    @Test("recovery is idempotent on its own output")
    func idempotent() throws {
        let rows = [
            try StoredRows.row(in: .queued), try StoredRows.row(in: .staged),
            try StoredRows.row(in: .appliedPendingConsumption),
        ]
        let receipts = [StoredRows.receipt(listing: [rows[2].inputID])]
        let (first, _) = try StoredRows.recover(rows, receipts: receipts)
        let (second, _) = try StoredRows.recover(first.allStates, receipts: receipts)
        #expect(second.allStates.map(\.state) == first.allStates.map(\.state))
        #expect(second.allStates == first.allStates)
        #expect(CoreHarness.queueLane(second) == CoreHarness.queueLane(first))
    }
}
