internal import WarrenProto

/// The registered methods of a server, by descriptor.
struct MethodRouter: Sendable {
    private let handlers: [MethodDescriptor: RPCMethodHandler]

    /// Registers every method of `services`.
    ///
    /// - Precondition: no method is registered twice.
    init(services: [any RPCService]) {
        var handlers: [MethodDescriptor: RPCMethodHandler] = [:]
        for service in services {
            for handler in service.methods {
                precondition(handlers[handler.descriptor] == nil, "method \(handler.descriptor) registered twice")
                handlers[handler.descriptor] = handler
            }
        }
        self.handlers = handlers
    }

    /// The handler serving the wire path `path`, or the UNIMPLEMENTED error naming it.
    func handler(forPath path: String) -> Result<RPCMethodHandler, RPCError> {
        guard let descriptor = MethodDescriptor(path: path), let handler = self.handlers[descriptor] else {
            return .failure(RPCError(.unimplemented, "unknown method \(path.isEmpty ? "(empty)" : path)"))
        }
        return .success(handler)
    }
}
