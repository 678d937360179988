import WarrenRuntime

// The records every durable admission writes (an input state, its input, two events), written by hand
// in key order (D114). Each writes what its synthesized `Codable` conformance writes: optionals only
// when present, enum cases as `{"case":{"label":value}}`, a single unlabelled payload as `"_0"`. The
// rarer shapes (other input kinds, origins and events, content blocks) go back to `Codable`.

extension InputState: SortedJSONWritable {
    func writeSortedJSON(to writer: SortedJSONWriter) throws {
        var object = SortedJSONObject(writer)
        object.integer("attemptCount", attemptCount)
        object.integer("createdAt", createdAt.unixNanos)
        object.name("durability", ifPresent: durability)
        try object.records("history", history)
        object.string("idempotencyKey", ifPresent: idempotencyKey)
        object.string("inputID", inputID.rawValue)
        object.integer("lastBoundarySequence", ifPresent: lastBoundarySequence)
        object.string("lastRunID", ifPresent: lastRunID?.rawValue)
        try object.record("persistedInput", ifPresent: persistedInput)
        try object.record("policy", ifPresent: policy)
        object.name("state", state)
        try object.encoded("terminalOutcome", ifPresent: terminalOutcome)
        object.integer("updatedAt", updatedAt.unixNanos)
        object.close()
    }
}

extension InputStateHistoryEntry: SortedJSONWritable {
    func writeSortedJSON(to writer: SortedJSONWriter) throws {
        var object = SortedJSONObject(writer)
        object.name("from", from)
        object.string("reason", reason)
        object.integer("timestamp", timestamp.unixNanos)
        object.name("to", to)
        object.close()
    }
}

extension PolicyDecision: SortedJSONWritable {
    func writeSortedJSON(to writer: SortedJSONWriter) throws {
        var object = SortedJSONObject(writer)
        object.name("applyMode", applyMode)
        object.name("consumePoint", consumePoint)
        object.name("drainPolicy", drainPolicy)
        object.bool("emitOperatorContent", emitOperatorContent)
        object.integer("policyVersion", policyVersion)
        object.name("queueMode", queueMode)
        object.bool("recordTranscript", recordTranscript)
        object.name("routingDisposition", routingDisposition)
        object.name("wakeMode", wakeMode)
        object.close()
    }
}

extension Input: SortedJSONWritable {
    func writeSortedJSON(to writer: SortedJSONWriter) throws {
        guard case .prompt(let prompt) = self else { return try writer.writeValue(self) }
        var payload = SortedJSONObject(writer, enumCase: "prompt")
        try payload.record("_0", prompt)
        payload.closeEnumCase()
    }
}

extension PromptInput: SortedJSONWritable {
    func writeSortedJSON(to writer: SortedJSONWriter) throws {
        var object = SortedJSONObject(writer)
        try object.encoded("blocks", blocks)
        try object.record("header", header)
        object.string("text", text)
        try object.encoded("turnMetadata", ifPresent: turnMetadata)
        object.close()
    }
}

extension InputHeader: SortedJSONWritable {
    func writeSortedJSON(to writer: SortedJSONWriter) throws {
        var object = SortedJSONObject(writer)
        object.string("correlationID", ifPresent: correlationID)
        object.name("durability", durability)
        object.string("id", id.rawValue)
        object.string("idempotencyKey", ifPresent: idempotencyKey)
        try object.record("source", source)
        object.string("supersessionKey", ifPresent: supersessionKey)
        object.integer("timestamp", timestamp.unixNanos)
        try object.record("visibility", visibility)
        object.close()
    }
}

extension InputOrigin: SortedJSONWritable {
    func writeSortedJSON(to writer: SortedJSONWriter) throws {
        guard case .operator = self else { return try writer.writeValue(self) }
        writer.text.append(ascii: #"{"operator":{}}"#)
    }
}

extension InputVisibility: SortedJSONWritable {
    func writeSortedJSON(to writer: SortedJSONWriter) throws {
        var object = SortedJSONObject(writer)
        object.bool("operatorEligible", operatorEligible)
        object.bool("transcriptEligible", transcriptEligible)
        object.close()
    }
}

extension RuntimeEvent: SortedJSONWritable {
    func writeSortedJSON(to writer: SortedJSONWriter) throws {
        switch self {
        case .inputAccepted(let inputID, let kind):
            var payload = SortedJSONObject(writer, enumCase: "inputAccepted")
            payload.string("inputID", inputID.rawValue)
            payload.name("kind", kind)
            payload.closeEnumCase()
        case .inputQueued(let inputID, let requeuedFromRunID, let attemptCount):
            var payload = SortedJSONObject(writer, enumCase: "inputQueued")
            payload.integer("attemptCount", attemptCount)
            payload.string("inputID", inputID.rawValue)
            payload.string("requeuedFromRunID", ifPresent: requeuedFromRunID?.rawValue)
            payload.closeEnumCase()
        default:
            try writer.writeValue(self)
        }
    }
}
