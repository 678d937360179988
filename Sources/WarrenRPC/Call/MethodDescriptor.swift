/// Names one RPC method: the fully qualified service and the method, as in `/warren.v1.Health/Check`.
public struct MethodDescriptor: Hashable, Sendable, CustomStringConvertible {
    /// The fully qualified service name, such as `warren.v1.Health`.
    public let service: String
    /// The method name, such as `Check`.
    public let method: String

    /// Creates a descriptor from its service and method names.
    public init(service: String, method: String) {
        self.service = service
        self.method = method
    }

    /// Parses a wire path of the form `/service/method`; nil when it has another shape.
    public init?(path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].isEmpty, !parts[1].isEmpty, !parts[2].isEmpty else { return nil }
        self.init(service: String(parts[1]), method: String(parts[2]))
    }

    /// The path carried in `CallHeaders.method`.
    public var path: String { "/\(self.service)/\(self.method)" }

    public var description: String { self.path }
}
