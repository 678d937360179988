// JSON forms of the persisted ops types. Keys follow the reference's serde names so a stored
// snapshot reads the same as meerkat's; identifiers travel as their text.

extension PersistedOpsSnapshot: Codable {
    private enum CodingKeys: String, CodingKey {
        case epochID = "epoch_id"
        case authorityState = "authority_state"
        case operationSpecs = "operation_specs"
        case completionEntries = "completion_entries"
        case cursors
    }

    /// Decodes a snapshot from its JSON form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        epochID = EpochID(try container.decode(String.self, forKey: .epochID))
        authorityState = try container.decode(OpsAuthorityState.self, forKey: .authorityState)
        operationSpecs = try container.decode([String: OperationSpec].self, forKey: .operationSpecs).byIdentifier()
        completionEntries = try container.decode([CompletionEntry].self, forKey: .completionEntries)
        cursors = try container.decode(OpsCursors.self, forKey: .cursors)
    }

    /// Encodes the snapshot in its JSON form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(epochID.rawValue, forKey: .epochID)
        try container.encode(authorityState, forKey: .authorityState)
        try container.encode(operationSpecs.byRawValue(), forKey: .operationSpecs)
        try container.encode(completionEntries, forKey: .completionEntries)
        try container.encode(cursors, forKey: .cursors)
    }
}

extension OpsAuthorityState: Codable {
    private enum CodingKeys: String, CodingKey {
        case operations
        case completedOrder = "completed_order"
        case maxCompleted = "max_completed"
        case maxConcurrent = "max_concurrent"
        case activeCount = "active_count"
        case waitRequestID = "wait_request_id"
        case waitOperationIDs = "wait_operation_ids"
        case nextCompletionSeq = "next_completion_seq"
    }

    /// Decodes the authority state from its JSON form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        operations = try container.decode([String: OperationCanonicalState].self, forKey: .operations)
            .byIdentifier()
        completedOrder = try container.decode([String].self, forKey: .completedOrder).map(OperationID.init)
        maxCompleted = try container.decode(Int.self, forKey: .maxCompleted)
        maxConcurrent = try container.decodeIfPresent(Int.self, forKey: .maxConcurrent)
        activeCount = try container.decode(Int.self, forKey: .activeCount)
        waitRequestID = try container.decodeIfPresent(String.self, forKey: .waitRequestID).map(WaitRequestID.init)
        waitOperationIDs = try container.decode([String].self, forKey: .waitOperationIDs).map(OperationID.init)
        nextCompletionSeq = try container.decode(UInt64.self, forKey: .nextCompletionSeq)
    }

    /// Encodes the authority state in its JSON form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(operations.byRawValue(), forKey: .operations)
        try container.encode(completedOrder.map(\.rawValue), forKey: .completedOrder)
        try container.encode(maxCompleted, forKey: .maxCompleted)
        try container.encodeIfPresent(maxConcurrent, forKey: .maxConcurrent)
        try container.encode(activeCount, forKey: .activeCount)
        try container.encodeIfPresent(waitRequestID?.rawValue, forKey: .waitRequestID)
        try container.encode(waitOperationIDs.map(\.rawValue), forKey: .waitOperationIDs)
        try container.encode(nextCompletionSeq, forKey: .nextCompletionSeq)
    }
}

extension OperationSpec: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, kind
        case ownerSessionID = "owner_session_id"
        case displayName = "display_name"
        case sourceLabel = "source_label"
        case childSessionID = "child_session_id"
        case expectPeerChannel = "expect_peer_channel"
    }

    /// Decodes a spec from its JSON form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = OperationID(try container.decode(String.self, forKey: .id))
        kind = try container.decode(OperationKind.self, forKey: .kind)
        ownerSessionID = SessionID(try container.decode(String.self, forKey: .ownerSessionID))
        displayName = try container.decode(String.self, forKey: .displayName)
        sourceLabel = try container.decode(String.self, forKey: .sourceLabel)
        childSessionID = try container.decodeIfPresent(String.self, forKey: .childSessionID).map(SessionID.init)
        expectPeerChannel = try container.decode(Bool.self, forKey: .expectPeerChannel)
    }

    /// Encodes the spec in its JSON form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id.rawValue, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(ownerSessionID.rawValue, forKey: .ownerSessionID)
        try container.encode(displayName, forKey: .displayName)
        try container.encode(sourceLabel, forKey: .sourceLabel)
        try container.encodeIfPresent(childSessionID?.rawValue, forKey: .childSessionID)
        try container.encode(expectPeerChannel, forKey: .expectPeerChannel)
    }
}

extension CompletionEntry: Codable {
    private enum CodingKeys: String, CodingKey {
        case seq
        case operationID = "operation_id"
        case kind
        case displayName = "display_name"
        case terminalOutcome = "terminal_outcome"
        case completedAt = "completed_at_unix_nanos"
    }

    /// Decodes an entry from its JSON form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        seq = try container.decode(UInt64.self, forKey: .seq)
        operationID = OperationID(try container.decode(String.self, forKey: .operationID))
        kind = try container.decode(OperationKind.self, forKey: .kind)
        displayName = try container.decode(String.self, forKey: .displayName)
        terminalOutcome = try container.decode(OperationTerminalOutcome.self, forKey: .terminalOutcome)
        completedAt = try container.decodeIfPresent(Int64.self, forKey: .completedAt).map(Timestamp.init(unixNanos:))
    }

    /// Encodes the entry in its JSON form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(seq, forKey: .seq)
        try container.encode(operationID.rawValue, forKey: .operationID)
        try container.encode(kind, forKey: .kind)
        try container.encode(displayName, forKey: .displayName)
        try container.encode(terminalOutcome, forKey: .terminalOutcome)
        try container.encodeIfPresent(completedAt?.unixNanos, forKey: .completedAt)
    }
}

extension OperationTerminalOutcome: Codable {
    // Internally tagged like serde's `#[serde(tag = "outcome_type")]`: a completed outcome
    // carries the result's fields next to the tag.
    private enum CodingKeys: String, CodingKey {
        case outcomeType = "outcome_type"
        case error, reason
    }

    private enum OutcomeType: String, Codable {
        case completed, failed, aborted, cancelled, retired, terminated
    }

    /// Decodes an outcome from its JSON form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(OutcomeType.self, forKey: .outcomeType) {
        case .completed: self = .completed(result: try OperationResult(from: decoder))
        case .failed: self = .failed(error: try container.decode(String.self, forKey: .error))
        case .aborted: self = .aborted(reason: try container.decodeIfPresent(String.self, forKey: .reason))
        case .cancelled: self = .cancelled(reason: try container.decodeIfPresent(String.self, forKey: .reason))
        case .retired: self = .retired
        case .terminated: self = .terminated(reason: try container.decode(String.self, forKey: .reason))
        }
    }

    /// Encodes the outcome in its JSON form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .completed(let result):
            try container.encode(OutcomeType.completed, forKey: .outcomeType)
            try result.encode(to: encoder)
        case .failed(let error):
            try container.encode(OutcomeType.failed, forKey: .outcomeType)
            try container.encode(error, forKey: .error)
        case .aborted(let reason):
            try container.encode(OutcomeType.aborted, forKey: .outcomeType)
            try container.encodeIfPresent(reason, forKey: .reason)
        case .cancelled(let reason):
            try container.encode(OutcomeType.cancelled, forKey: .outcomeType)
            try container.encodeIfPresent(reason, forKey: .reason)
        case .retired:
            try container.encode(OutcomeType.retired, forKey: .outcomeType)
        case .terminated(let reason):
            try container.encode(OutcomeType.terminated, forKey: .outcomeType)
            try container.encode(reason, forKey: .reason)
        }
    }
}

extension OperationResult: Codable {
    private enum CodingKeys: String, CodingKey {
        case operationID = "id"
        case content
        case isError = "is_error"
        case durationMilliseconds = "duration_ms"
        case tokensUsed = "tokens_used"
    }

    /// Decodes a result from its JSON form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        operationID = OperationID(try container.decode(String.self, forKey: .operationID))
        content = try container.decode(String.self, forKey: .content)
        isError = try container.decode(Bool.self, forKey: .isError)
        durationMilliseconds = try container.decode(UInt64.self, forKey: .durationMilliseconds)
        tokensUsed = try container.decode(UInt64.self, forKey: .tokensUsed)
    }

    /// Encodes the result in its JSON form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(operationID.rawValue, forKey: .operationID)
        try container.encode(content, forKey: .content)
        try container.encode(isError, forKey: .isError)
        try container.encode(durationMilliseconds, forKey: .durationMilliseconds)
        try container.encode(tokensUsed, forKey: .tokensUsed)
    }
}

extension Dictionary where Key == OperationID {
    // JSON objects need string keys, and `Identifier` itself is not `Codable`.
    fileprivate func byRawValue() -> [String: Value] {
        Dictionary<String, Value>(uniqueKeysWithValues: map { ($0.key.rawValue, $0.value) })
    }
}

extension Dictionary where Key == String {
    fileprivate func byIdentifier() -> [OperationID: Value] {
        Dictionary<OperationID, Value>(uniqueKeysWithValues: map { (OperationID($0.key), $0.value) })
    }
}
