/// The drain mode a session should have, or nil for no drain (adapter-spec §8.2).
///
/// The input is the driver's ``RuntimeState``, not the adapter's registration phase, so a stale-attached
/// driver whose loop died still asks for an attached drain. An unknown session should be passed as
/// `.destroyed`. `keepAlive` matters only for an idle runtime.
public func desiredPeerIngressMode(
    runtimeState: RuntimeState,
    commsEnabled: Bool,
    keepAlive: Bool
) -> CommsDrainMode? {
    guard commsEnabled else { return nil }
    switch runtimeState {
    case .attached, .running, .recovering: return .attachedSession
    case .idle where keepAlive: return .persistentHost
    case .idle, .initializing, .retired, .stopped, .destroyed: return nil
    }
}
