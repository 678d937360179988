import WarrenClient
import WarrenProto
import WarrenRPC

/// One operation of a bench caller: the calls it makes and how it judges their answers.
protocol BenchWorkload: Sendable {
    /// Performs one operation against the session at `sessionIndex` over `client`.
    ///
    /// - Returns: nil when the operation succeeded, otherwise what went wrong (see ``ErrorTally``).
    func perform(_ client: WarrenClient, sessionIndex: Int) async -> String?
}

/// The workload a plan's callers run, with every request built once up front so the loop only sends them.
enum BenchWorkloads {
    static func make(_ plan: BenchPlan, sessionIDs: [String]) -> any BenchWorkload {
        let options = CallOptions(timeout: plan.callTimeout)
        let prompts = sessionIDs.map { AcceptInputRequest(sessionID: $0, input: Self.prompt(plan.payloadSize)) }
        switch (plan.mix, plan.producer) {
        case (.ingestAwait, _):
            return IngestAwaitWorkload(requests: prompts, sessionIDs: sessionIDs, options: options)
        case (.subscribe, .publish?), (.subscribe, .replay?):
            let requests = sessionIDs.map { Self.publication(runtimeID: $0, payloadSize: plan.payloadSize) }
            return PublishWorkload(requests: requests, options: options)
        case (.ingest, _), (.subscribe, _):
            return IngestWorkload(requests: prompts, options: options)
        }
    }

    /// A prompt whose text is `size` ASCII bytes; the server assigns its id, time, origin and durability.
    static func prompt(_ size: Int) -> Input {
        Input(variant: .prompt(PromptInput(header: InputHeader(), text: Self.text(size))))
    }

    /// `size` bytes of printable ASCII.
    static func text(_ size: Int) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
        return String(decoding: (0..<size).map { alphabet[$0 % alphabet.count] }, as: UTF8.self)
    }

    private static func publication(runtimeID: String, payloadSize: Int) -> PublishEventRequest {
        let event = PublishedEvent(code: "bench", payload: Array(Self.text(payloadSize).utf8))
        return PublishEventRequest(
            envelope: RuntimeEventEnvelope(runtimeID: runtimeID, event: RuntimeEvent(event: .published(event)))
        )
    }
}

/// `ingest`: one `AcceptInput`; the input must be accepted.
struct IngestWorkload: BenchWorkload {
    let requests: [AcceptInputRequest]
    let options: CallOptions

    func perform(_ client: WarrenClient, sessionIndex: Int) async -> String? {
        do {
            let response = try await client.sessions.acceptInput(self.requests[sessionIndex], options: self.options)
            return AdmissionCheck.failure(response.outcome)
        } catch {
            return ErrorTally.name(of: error.code)
        }
    }
}

/// `ingest-await`: `AcceptInput`, then `AwaitCompletion` of the accepted input, which must complete.
struct IngestAwaitWorkload: BenchWorkload {
    let requests: [AcceptInputRequest]
    let sessionIDs: [String]
    let options: CallOptions

    func perform(_ client: WarrenClient, sessionIndex: Int) async -> String? {
        do {
            let admission = try await client.sessions.acceptInput(self.requests[sessionIndex], options: self.options)
            guard case .accepted(let accepted) = admission.outcome?.outcome else {
                return AdmissionCheck.failure(admission.outcome) ?? "REJECTED"
            }
            let completion = try await client.adapter.awaitCompletion(
                AwaitCompletionRequest(sessionID: self.sessionIDs[sessionIndex], inputID: accepted.inputID),
                options: self.options
            )
            switch completion.outcome?.outcome {
            case .completed?, .completedWithoutResult?: return nil
            default: return "NOT_COMPLETED"
            }
        } catch {
            return ErrorTally.name(of: error.code)
        }
    }
}

/// `subscribe --producer publish`: one `PublishEvent` of a `published` event.
struct PublishWorkload: BenchWorkload {
    let requests: [PublishEventRequest]
    let options: CallOptions

    func perform(_ client: WarrenClient, sessionIndex: Int) async -> String? {
        do {
            _ = try await client.controlPlane.publishEvent(self.requests[sessionIndex], options: self.options)
            return nil
        } catch {
            return ErrorTally.name(of: error.code)
        }
    }
}

/// Judges an `AcceptOutcome`: only `accepted` is a success for a bench input.
enum AdmissionCheck {
    static func failure(_ outcome: AcceptOutcome?) -> String? {
        switch outcome?.outcome {
        case .accepted?: nil
        case .deduplicated?: "DEDUPLICATED"
        case .rejected?, nil: "REJECTED"
        }
    }
}
