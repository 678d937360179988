import Testing
import WarrenProto
import WarrenRPC

/// `FlowControlWindow`: charging frames, overdrawing with whole messages, grants and their cap, and the
/// receive-side WINDOW_UPDATE policy.
@Suite("Flow-control window")
struct FlowControlWindowTests {
    @Test("a frame within the window is charged")
    func consumeWithinWindow() throws {
        var window = FlowControlWindow(initialSize: 100)
        try window.consume(60)
        #expect(window.available == 40)
        #expect(window.canSend(1))
    }

    @Test("a whole message may overdraw a positive window, which then blocks")
    func overdraw() throws {
        var window = FlowControlWindow(initialSize: 10)
        try window.consume(25)
        #expect(window.available == -15)
        #expect(!window.canSend(1))
        #expect(window.canSend(0))
    }

    @Test("a peer sending with no credit is a flow-control error and leaves the window unchanged", arguments: [0, -5])
    func consumeBeyondWindow(available: Int) throws {
        var window = FlowControlWindow(initialSize: 10)
        try window.consume(10 - available)
        #expect(window.available == available)
        #expect(throws: FlowControlError.windowExhausted(frameSize: 1, available: available)) {
            try window.consume(1)
        }
        #expect(window.available == available)
        try window.consume(0)
    }

    @Test(
        "grants are capped at 2^31-1",
        arguments: [
            (0, Frame.maxWindowIncrement, true),
            (1, Frame.maxWindowIncrement, false),
            (FlowControlWindow.maxSize, 1, false),
            (FlowControlWindow.maxSize - 1, 1, true),
            (65_535, 65_535, true),
        ] as [(Int, UInt32, Bool)]
    )
    func grant(initial: Int, increment: UInt32, accepted: Bool) throws {
        var window = FlowControlWindow(initialSize: initial)
        if accepted {
            try window.grant(increment)
            #expect(window.available == initial + Int(increment))
        } else {
            #expect(throws: FlowControlError.windowOverflow(available: initial, increment: Int(increment))) {
                try window.grant(increment)
            }
            #expect(window.available == initial)
        }
    }

    @Test("a grant after an overdraw counts from the negative balance")
    func grantAfterOverdraw() throws {
        var window = FlowControlWindow(initialSize: 10)
        try window.consume(30)
        try window.grant(15)
        #expect(window.available == -5)
        try window.grant(Frame.maxWindowIncrement - 1)
        #expect(window.available == FlowControlWindow.maxSize - 6)
    }

    @Test(
        "WINDOW_UPDATE is due once half the window has been consumed by the application",
        arguments: [
            (100, [30, 30, 10, 40], [nil, 60, nil, 50]),
            (100, [50], [50]),
            (100, [49, 1], [nil, 50]),
            (1, [1, 1], [1, 1]),
            (65_535, [32_767, 1], [32_767, nil]),
        ] as [(Int, [Int], [UInt32?])]
    )
    func releasePolicy(target: Int, releases: [Int], increments: [UInt32?]) throws {
        var window = FlowControlWindow(initialSize: target)
        try window.consume(releases.reduce(0, +))
        let results = releases.map { window.release($0) }
        #expect(results == increments)
        #expect(window.available + window.pendingRelease == target)
    }

    @Test("a lower initial window from SETTINGS can leave the window negative; a higher one is capped")
    func updateTarget() throws {
        var window = FlowControlWindow(initialSize: 100)
        try window.consume(80)
        try window.updateTarget(to: 50)
        #expect(window.available == -30)
        #expect(window.target == 50)
        #expect(window.updateThreshold == 25)
        try window.grant(Frame.maxWindowIncrement - 10)
        #expect(throws: FlowControlError.self) { try window.updateTarget(to: 100) }
        #expect(window.target == 50)
    }

    @Test(
        "errors describe themselves and answer with FLOW_CONTROL_ERROR",
        arguments: [
            (
                FlowControlError.windowExhausted(frameSize: 7, available: 0),
                "peer sent a 7-byte frame with 0 bytes of flow-control credit"
            ),
            (
                .windowOverflow(available: 5, increment: 2_147_483_647),
                "increment 2147483647 takes a window of 5 bytes past 2147483647"
            ),
        ]
    )
    func errors(error: FlowControlError, description: String) {
        #expect(error.description == description)
        #expect(error.goAwayCode == .flowControlError)
    }
}
