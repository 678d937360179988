internal import WarrenProto

/// The registered methods of a server, by wire path: a call's path is looked up as it arrives, without
/// being split into a descriptor first.
struct MethodRouter: Sendable {
    private let handlers: [String: RPCMethodHandler]

    /// Registers every method of `services`.
    ///
    /// - Precondition: no method is registered twice.
    init(services: [any RPCService]) {
        var handlers: [String: RPCMethodHandler] = [:]
        for service in services {
            for handler in service.methods {
                precondition(handlers[handler.descriptor.path] == nil, "method \(handler.descriptor) registered twice")
                handlers[handler.descriptor.path] = handler
            }
        }
        self.handlers = handlers
    }

    /// The handler serving the wire path `path`, or the UNIMPLEMENTED error naming it.
    func handler(forPath path: String) -> Result<RPCMethodHandler, RPCError> {
        guard let handler = self.handlers[path] else {
            return .failure(RPCError(.unimplemented, "unknown method \(path.isEmpty ? "(empty)" : path)"))
        }
        return .success(handler)
    }
}
