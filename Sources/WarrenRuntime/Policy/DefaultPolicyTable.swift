/// The default policy table of meerkat-runtime v0.5.2 (input-spec §4.2).
public enum DefaultPolicyTable {
    /// The table's version, stamped on every decision.
    public static let version: UInt64 = 1

    /// The policy for `input`; `runtimeIdle` means the runtime is Idle or Attached.
    public static func resolve(_ input: Input, runtimeIdle: Bool) -> PolicyDecision {
        if input.kind != .peerResponseProgress, let hint = input.handlingMode {
            return byHint(hint, input: input, runtimeIdle: runtimeIdle)
        }
        return byKind(input.kind, runtimeIdle: runtimeIdle)
    }

    private static func byHint(_ hint: HandlingMode, input: Input, runtimeIdle: Bool) -> PolicyDecision {
        let transcript: Bool
        if case .continuation = input { transcript = false } else { transcript = true }
        let wake: WakeMode = runtimeIdle ? .wakeIfIdle : .none
        switch hint {
        case .queue:
            return PolicyDecision(applyMode: .stageRunStart, wakeMode: wake, recordTranscript: transcript)
        case .steer:
            return PolicyDecision(
                applyMode: .stageRunBoundary,
                wakeMode: wake,
                drainPolicy: .steerBatch,
                routingDisposition: .steer,
                recordTranscript: transcript
            )
        }
    }

    private static func byKind(_ kind: InputKind, runtimeIdle: Bool) -> PolicyDecision {
        let wakeIfIdle: WakeMode = runtimeIdle ? .wakeIfIdle : .none
        switch kind {
        case .prompt, .peerMessage, .peerRequest, .peerResponseTerminal, .flowStep, .externalEvent:
            return PolicyDecision(applyMode: .stageRunStart, wakeMode: wakeIfIdle)
        case .peerResponseProgress:
            return PolicyDecision(
                applyMode: .stageRunBoundary,
                wakeMode: .none,
                queueMode: .coalesce,
                drainPolicy: .steerBatch,
                routingDisposition: .steer
            )
        case .continuation:
            return PolicyDecision(
                applyMode: .stageRunBoundary,
                wakeMode: wakeIfIdle,
                drainPolicy: .steerBatch,
                routingDisposition: .steer,
                recordTranscript: false
            )
        case .operation:
            return PolicyDecision(
                applyMode: .ignore,
                wakeMode: .none,
                queueMode: .priority,
                consumePoint: .onAccept,
                drainPolicy: .ignore,
                routingDisposition: .drop,
                recordTranscript: false
            )
        }
    }
}
