public import WarrenProto

/// The non-OK status a call ends with: a gRPC-numbered code, a message and an optional typed detail.
public struct RPCError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The status code; never `.ok`.
    public var code: StatusCode
    /// A human-readable message.
    public var message: String
    /// The machine-readable detail, when the error has one.
    public var detail: ErrorDetail?
    /// Trailing metadata.
    public var metadata: [String: String]

    /// Creates an error.
    public init(_ code: StatusCode, _ message: String, detail: ErrorDetail? = nil, metadata: [String: String] = [:]) {
        precondition(code != .ok, "an RPCError cannot carry OK")
        self.code = code
        self.message = message
        self.detail = detail
        self.metadata = metadata
    }

    /// The error a non-OK TRAILERS status stands for; nil when the status is OK.
    public init?(status: Status) {
        guard status.code != .ok else { return nil }
        self.init(status.code, status.message, detail: status.details, metadata: status.metadata)
    }

    /// The TRAILERS payload that ends a call with this error.
    public var status: Status {
        Status(code: self.code, message: self.message, details: self.detail, metadata: self.metadata)
    }

    public var description: String {
        self.message.isEmpty ? "\(self.code)" : "\(self.code): \(self.message)"
    }
}
