import Testing
import WarrenRuntime

/// The desired-mode function of §8.2 (`desired_peer_ingress_mode_tracks_live_attachment_and_keep_alive`).
@Suite("Comms desired peer ingress mode")
struct CommsDesiredModeTests {
    @Test(
        "the desired mode follows the driver state, comms and keep-alive",
        arguments: RuntimeState.allCases,
        [false, true]
    )
    func table(state: RuntimeState, keepAlive: Bool) {
        let expected: CommsDrainMode? =
            switch state {
            case .attached, .running, .recovering: .attachedSession
            case .idle: keepAlive ? .persistentHost : nil
            case .initializing, .retired, .stopped, .destroyed: nil
            }
        #expect(desiredPeerIngressMode(runtimeState: state, commsEnabled: true, keepAlive: keepAlive) == expected)
        #expect(desiredPeerIngressMode(runtimeState: state, commsEnabled: false, keepAlive: keepAlive) == nil)
    }

    @Test("the reference's own assertions hold")
    func referenceCases() {
        #expect(
            desiredPeerIngressMode(runtimeState: .attached, commsEnabled: true, keepAlive: false) == .attachedSession
        )
        #expect(
            desiredPeerIngressMode(runtimeState: .running, commsEnabled: true, keepAlive: false) == .attachedSession
        )
        #expect(
            desiredPeerIngressMode(runtimeState: .recovering, commsEnabled: true, keepAlive: false) == .attachedSession
        )
        #expect(desiredPeerIngressMode(runtimeState: .idle, commsEnabled: true, keepAlive: true) == .persistentHost)
        #expect(desiredPeerIngressMode(runtimeState: .idle, commsEnabled: true, keepAlive: false) == nil)
        #expect(desiredPeerIngressMode(runtimeState: .attached, commsEnabled: false, keepAlive: true) == nil)
        #expect(desiredPeerIngressMode(runtimeState: .initializing, commsEnabled: true, keepAlive: true) == nil)
        #expect(desiredPeerIngressMode(runtimeState: .retired, commsEnabled: true, keepAlive: true) == nil)
        #expect(desiredPeerIngressMode(runtimeState: .stopped, commsEnabled: true, keepAlive: true) == nil)
        #expect(desiredPeerIngressMode(runtimeState: .destroyed, commsEnabled: true, keepAlive: true) == nil)
    }
}
