/// A set of methods a server serves; WarrenServer's bindings conform to it.
public protocol RPCService: Sendable {
    /// The methods, each with its handler.
    var methods: [RPCMethodHandler] { get }
}
