/// What each closed-loop caller of a bench run does, call after call.
public enum BenchMix: String, CaseIterable, Sendable, Codable {
    /// One unary `SessionServiceRuntimeExt.AcceptInput` of a prompt per operation.
    case ingest
    /// `AcceptInput`, then `RuntimeSessionAdapter.AwaitCompletion` of that input: one operation is the input's
    /// whole lifecycle (admission, run by the session's executor, boundary commit, consumption).
    case ingestAwait = "ingest-await"
    /// Subscribers follow the event stream while producers (ingest or publish callers) make events; the
    /// figures are events per second received by each subscriber and by all of them together.
    case subscribe
}

/// What the producers of a `subscribe` run call to make events.
public enum BenchProducer: String, CaseIterable, Sendable, Codable {
    /// `AcceptInput` of a prompt: each admission emits the input's lifecycle events.
    case ingest
    /// `RuntimeControlPlane.PublishEvent` of a `published` event whose payload is `payloadSize` bytes:
    /// exactly one event per call, of a known size.
    case publish
    /// The `publish` callers fill the log first (their warm-up and window, with no subscriber yet); then every
    /// subscriber reads the whole log from its beginning as fast as the server streams it. The figure is the
    /// server's streaming capacity, as the peers' count mode measures theirs (D119).
    case replay
}

/// The executor a bench run binds its sessions to.
public enum BenchExecutor: Hashable, Sendable, CustomStringConvertible {
    /// No executor (`RegisterSession`): admitted inputs stay queued, so `ingest` measures admission alone.
    case none
    /// The built-in `echo` executor, which completes each run at once inside the server: no extra process or
    /// network hop, so `ingest-await` measures Warren's own lifecycle cost.
    case echo
    /// An executor attached over `Executor.Attach` under this name (for example `warren serve-executor`).
    case remote(String)

    /// Parses `none`, `echo` or `remote:NAME`; nil for anything else.
    public init?(parsing text: String) {
        switch text {
        case "none": self = .none
        case "echo": self = .echo
        default:
            guard text.hasPrefix("remote:"), text.count > "remote:".count else { return nil }
            self = .remote(String(text.dropFirst("remote:".count)))
        }
    }

    public var description: String {
        switch self {
        case .none: "none"
        case .echo: "echo"
        case .remote(let name): "remote:\(name)"
        }
    }
}
