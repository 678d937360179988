package import WarrenProto
package import WarrenRPC
package import WarrenRuntime

extension WarrenProto.RuntimeState {
    /// The wire form of a runtime state.
    package init(_ state: WarrenRuntime.RuntimeState) {
        switch state {
        case .initializing: self = .initializing
        case .idle: self = .idle
        case .attached: self = .attached
        case .running: self = .running
        case .recovering: self = .recovering
        case .retired: self = .retired
        case .stopped: self = .stopped
        case .destroyed: self = .destroyed
        }
    }
}

extension WarrenRuntime.RuntimeState {
    /// Reads a required runtime state.
    package init(wire: WarrenProto.RuntimeState, field: String) throws(RPCError) {
        switch wire {
        case .initializing: self = .initializing
        case .idle: self = .idle
        case .attached: self = .attached
        case .running: self = .running
        case .recovering: self = .recovering
        case .retired: self = .retired
        case .stopped: self = .stopped
        case .destroyed: self = .destroyed
        case .unspecified, .unrecognized: throw invalidEnum(wire, field)
        }
    }
}
