package import WarrenProto

/// Why a flow-control window refused a frame or a grant.
///
/// Both cases are connection errors: the peer broke the flow-control rules, and the answer is GOAWAY with
/// ``goAwayCode`` (`FLOW_CONTROL_ERROR`) and a close (SPEC §3, docs/DECISIONS.md).
package enum FlowControlError: Error, Hashable, Sendable {
    /// The peer sent a frame of `frameSize` bytes while its window held `available` bytes of credit (≤ 0).
    case windowExhausted(frameSize: Int, available: Int)
    /// A WINDOW_UPDATE (or a change of the initial window size) would take the window from `available` past
    /// 2^31-1 bytes.
    case windowOverflow(available: Int, increment: Int)
}

extension FlowControlError: CustomStringConvertible {
    /// What was wrong, with the values involved.
    package var description: String {
        switch self {
        case .windowExhausted(let frameSize, let available):
            "peer sent a \(frameSize)-byte frame with \(available) bytes of flow-control credit"
        case .windowOverflow(let available, let increment):
            "increment \(increment) takes a window of \(available) bytes past \(FlowControlWindow.maxSize)"
        }
    }
}

extension FlowControlError {
    /// The code of the GOAWAY that answers this error: always FLOW_CONTROL_ERROR.
    package var goAwayCode: GoAwayCode { .flowControlError }
}
