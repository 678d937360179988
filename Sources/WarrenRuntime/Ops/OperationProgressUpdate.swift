/// A progress report of a running operation; the registry counts reports but keeps no content.
public struct OperationProgressUpdate: Hashable, Sendable {
    /// What the operation is doing.
    public var message: String
    /// How far along it is, from 0 to 1, when known.
    public var percent: Double?

    /// Creates a progress update.
    public init(message: String, percent: Double? = nil) {
        self.message = message
        self.percent = percent
    }
}
