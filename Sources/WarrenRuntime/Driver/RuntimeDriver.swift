import OrderedCollections

/// One runtime's semantics: the input ledger, the lanes, the control state and the events every change
/// emits. A value type with no I/O: its owner (``SessionRuntime``) persists what it reports and decides
/// what to do with the signals (input-spec §3, runtime-spec §2).
struct RuntimeDriver: Sendable {
    let runtimeID: RuntimeID
    private(set) var ledger = InputLedger()
    var lanes = IngressLanes()
    private(set) var control: RuntimeControl
    /// The batch of the run in flight, if any.
    var currentRun: StagedRun?
    private(set) var signal: PostAdmissionSignal = .none
    var silentIntents: Set<String> = []

    /// Events emitted since the owner last took them.
    private var events: [PendingEvent] = []
    /// Inputs changed since the owner last took them (to persist).
    private var changed: [InputID] = []

    init(runtimeID: RuntimeID, state: RuntimeState = .idle) {
        self.runtimeID = runtimeID
        self.control = RuntimeControl(state: state)
    }

    var state: RuntimeState { control.state }
    subscript(id: InputID) -> InputState? { ledger[id] }
    var activeInputIDs: [InputID] { ledger.activeIDs }
    var allStates: [InputState] { Array(ledger.states.values) }

    // MARK: Changes that can be undone

    /// What a change may overwrite outside the journaled ledger and lanes.
    private var saved: SavedFields?

    private struct SavedFields {
        let control: RuntimeControl
        let run: StagedRun?
        let signal: PostAdmissionSignal
        let events: Int
        let changed: Int
    }

    /// Starts a change that ``rollBackChange()`` can undo in time proportional to the change.
    mutating func beginChange() {
        ledger.beginJournal()
        lanes.beginJournal()
        saved = SavedFields(
            control: control,
            run: currentRun,
            signal: signal,
            events: events.count,
            changed: changed.count
        )
    }

    /// Keeps the change (its commit succeeded).
    mutating func commitChange() {
        ledger.endJournal()
        lanes.endJournal()
        saved = nil
    }

    /// Undoes everything since ``beginChange()``, including the events and changes it reported.
    mutating func rollBackChange() {
        ledger.rollBack()
        lanes.rollBack()
        guard let saved else { return }
        control = saved.control
        currentRun = saved.run
        signal = saved.signal
        events.removeSubrange(min(saved.events, events.count)...)
        changed.removeSubrange(min(saved.changed, changed.count)...)
        self.saved = nil
    }

    // MARK: Output for the owner

    /// Takes the events emitted since the last call.
    mutating func takeEvents() -> [PendingEvent] {
        defer { events.removeAll(keepingCapacity: true) }
        return events
    }

    /// Takes the states changed since the last call, in change order without repeats.
    mutating func takeChangedStates() -> [InputState] {
        defer { changed.removeAll(keepingCapacity: true) }
        var seen = Set<InputID>()
        return changed.compactMap { id in seen.insert(id).inserted ? ledger[id] : nil }
    }

    /// Inputs changed since the last take that are now terminal.
    var changedTerminalInputIDs: [InputID] {
        changed.filter { ledger[$0]?.state.isTerminal == true }
    }

    /// Takes the strongest signal since the last call.
    mutating func takeSignal() -> PostAdmissionSignal {
        defer { signal = .none }
        return signal
    }

    /// Events emitted and not yet taken: the index the next one will have among ``takeEvents()``'s.
    var pendingEventCount: Int { events.count }

    mutating func emit(_ event: RuntimeEvent, correlation: String? = nil) {
        events.append(PendingEvent(event, correlationID: correlation))
    }

    mutating func transition(_ input: RuntimeControlInput) throws(RuntimeDriverError) {
        let from = control.state
        do {
            try control.apply(input)
        } catch {
            throw .internal(error.description)
        }
        if control.state != from { emit(.runtimeStateChanged(from: from, to: control.state)) }
    }

    mutating func applyLedgerEvent(_ event: InputLifecycleEvent, to id: InputID) throws(InputLifecycleError) {
        try ledger.apply(event, to: id)
        changed.append(id)
    }

    func correlationID(of id: InputID) -> String? { ledger[id]?.persistedInput?.header.correlationID }

    mutating func beginRun(_ runID: RunID) throws(RuntimeDriverError) {
        do {
            try control.apply(.beginRun(runID))
        } catch {
            throw .internal("failed to start runtime run: \(error)")
        }
        emit(.runtimeStateChanged(from: control.preRunState ?? .idle, to: .running))
    }

    mutating func endRun(_ runID: RunID) throws(RuntimeDriverError) {
        currentRun = nil
        try transition(.runEnded(runID))
    }

    mutating func restoreToFront(_ ids: [InputID], lane: Lane) {
        lanes.restoreToFront(ids, lane: lane)
    }

    mutating func clearLanesAndSignal() {
        lanes.removeAll()
        signal = .none
    }

    mutating func requestWake() {
        signal = max(signal, .wakeLoop)
    }

    mutating func replaceLedgerState(_ state: InputState) {
        ledger.replace(state)
        changed.append(state.inputID)
    }

    mutating func insertRecovered(_ state: InputState) {
        ledger.upsert(state)
    }

    mutating func markChanged(_ id: InputID) {
        changed.append(id)
    }

    mutating func appendToLane(_ id: InputID, lane: Lane) {
        lanes.append(id, to: lane)
    }

    // MARK: Admission (input-spec §3.2)

    mutating func accept(_ input: Input) throws(RuntimeDriverError) -> AcceptOutcome {
        guard control.state.canAcceptInput else { throw .notReady(state: control.state) }
        // A retired runtime draining its queue is Running, but still refuses new input.
        if control.preRunState == .retired { throw .notReady(state: .retired) }
        if let reason = AdmissionValidation.durabilityViolation(of: input) { return .rejected(reason) }
        if let reason = AdmissionValidation.peerHandlingModeViolation(of: input) { return .rejected(reason) }
        let header = input.header
        if let key = header.idempotencyKey, let existing = ledger.existing(idempotencyKey: key) {
            emit(.inputDeduplicated(inputID: header.id, existingID: existing), correlation: header.correlationID)
            return .deduplicated(inputID: header.id, existingID: existing)
        }
        // Re-admitting a known id would queue it twice or resurrect a terminal input (v0.5.2's input_is_new guard).
        if ledger[header.id] != nil { throw .validationFailed(reason: "input \(header.id) was already admitted") }
        var policy = DefaultPolicyTable.resolve(input, runtimeIdle: control.state.isIdleOrAttached)
        _ = AdmissionValidation.applySilentIntents(silentIntents, to: input, policy: &policy)
        var record = InputState(acceptedID: header.id, at: header.timestamp)
        record.durability = header.durability
        record.idempotencyKey = header.idempotencyKey
        record.policy = policy
        record.persistedInput = input
        ledger.upsert(record)
        changed.append(header.id)
        emit(.inputAccepted(inputID: header.id, kind: input.kind), correlation: header.correlationID)
        do {
            try admit(input, policy: policy)
        } catch {
            throw .internal("admission of \(header.id) failed: \(error)")
        }
        return .accepted(inputID: header.id, policy: policy, state: ledger[header.id]!)
    }

    private mutating func admit(_ input: Input, policy: PolicyDecision) throws(InputLifecycleError) {
        let id = input.id
        if policy.consumesOnAccept {
            try applyLedgerEvent(.consumeOnAccept, to: id)
            return
        }
        try applyLedgerEvent(.queueAccepted, to: id)
        switch policy.queueMode {
        case .coalesce: try replaceQueuedMatch(of: input, with: .coalesce(into: id))
        case .supersede: try replaceQueuedMatch(of: input, with: .supersede(by: id))
        default: break
        }
        lanes.append(id, to: policy.lane)
        emit(
            .inputQueued(inputID: id, requeuedFromRunID: nil, attemptCount: 0),
            correlation: input.header.correlationID
        )
        let immediate = input.handlingMode == .steer
        let wake = policy.wakeMode == .wakeIfIdle || immediate
        signal = max(signal, immediate ? .requestImmediateProcessing : (wake ? .wakeLoop : .none))
    }

    /// Latest wins within (runtime, kind, supersession key): the first queued match leaves its lane now.
    private mutating func replaceQueuedMatch(of input: Input, with event: InputLifecycleEvent)
        throws(InputLifecycleError)
    {
        guard let key = input.header.supersessionKey else { return }
        let match = lanes.allIDs.first { id in
            guard id != input.id, let other = ledger[id]?.persistedInput else { return false }
            return other.kind == input.kind && other.header.supersessionKey == key
        }
        guard let old = match, ledger[old]?.state == .queued else { return }
        try applyLedgerEvent(event, to: old)
        lanes.remove(old)
        switch event {
        case .coalesce(let into): emit(.inputCoalesced(inputID: old, into: into), correlation: correlationID(of: old))
        case .supersede(let by): emit(.inputSuperseded(inputID: old, by: by), correlation: correlationID(of: old))
        default: break
        }
    }

    // MARK: Attachment

    mutating func attach(executorName: String) throws(RuntimeDriverError) {
        if control.state == .attached {
            try transition(.detach)  // a stale attachment left by a dead loop
        }
        try transition(.attach)
        emit(.executorAttached(name: executorName))
    }

    mutating func detach(executorName: String, reason: String) {
        guard control.state == .attached else { return }
        try? transition(.detach)
        emit(.executorDetached(name: executorName, reason: reason))
    }
}

/// The batch of a run in flight.
struct StagedRun: Hashable, Sendable {
    let runID: RunID
    let inputIDs: [InputID]
    let lane: Lane
    let boundary: RunBoundary
}
