/// What a tracked async operation is; decides peer handoff and whether its end wakes an idle session.
public enum OperationKind: String, Hashable, Sendable, CaseIterable, Codable {
    /// A spawned child agent that may expose a peer channel.
    case mobMemberChild = "mob_member_child"
    /// A detached tool job whose terminal outcome wakes the owning session.
    case backgroundToolOp = "background_tool_op"

    /// Whether this kind can hand off a peer channel (`peerReady`).
    public var expectsPeerChannel: Bool { self == .mobMemberChild }
}
