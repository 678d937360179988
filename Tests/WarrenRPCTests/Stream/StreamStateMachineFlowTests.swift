import NIOCore
import Testing
import WarrenProto
import WarrenRPC

/// `StreamStateMachine` over time: send credit, trailers behind queued messages, the receive window,
/// cancellation from either side, deadlines and oversized messages.
@Suite("Stream state machine: flow control and call endings")
struct StreamStateMachineFlowTests {
    typealias Machine = StreamStateMachine

    @Test(
        "send is blocked at zero credit and released by WINDOW_UPDATE",
        arguments: [StreamFixture.openWithHeadersSent]
    )
    func sendBlockedUntilWindowUpdate(fixture: StreamFixture) throws {
        var machine = try fixture.make()
        #expect(try machine.sendMessage(message(10)) == .send(message(10)))
        #expect(machine.sendWindowAvailable == 0)
        #expect(try machine.sendMessage(message(3)) == .wait)
        #expect(try machine.sendMessage(message(4)) == .wait)
        #expect(machine.queuedMessageCount == 2)
        // One byte of credit lets the first whole message go (overdrawing); the second waits again.
        #expect(
            machine.receiveWindowUpdate(increment: 1) == .flush(Machine.Flush(messages: [message(3)], trailers: nil))
        )
        #expect(machine.sendWindowAvailable == -2)
        #expect(machine.receiveWindowUpdate(increment: 2) == .none)
        #expect(
            machine.receiveWindowUpdate(increment: 10) == .flush(Machine.Flush(messages: [message(4)], trailers: nil))
        )
        #expect(machine.sendWindowAvailable == 6)
        #expect(machine.phase == .open)
    }

    @Test("an empty COMPRESSED | END_STREAM MESSAGE is the half-close marker; an empty plain one is a message")
    func halfCloseMarker() throws {
        var marked = try StreamFixture.openWithHeadersSent.make()
        #expect(marked.receiveMessage(size: 0, endStream: true, compressed: true) == .endOfInput)
        #expect(
            marked.receiveMessage(size: 1, endStream: false, compressed: false)
                == .protocolViolation(.protocolError, "MESSAGE after END_STREAM")
        )
        var empty = try StreamFixture.openWithHeadersSent.make()
        #expect(
            empty.receiveMessage(size: 0, endStream: true, compressed: false)
                == .deliver(compressed: false, endOfInput: true)
        )
        var partial = try StreamFixture.openWithHeadersSent.make()
        #expect(
            partial.receiveMessage(size: 0, endStream: false, compressed: true)
                == .deliver(compressed: true, endOfInput: false)
        )
    }

    @Test("a message never overtakes a queued one, even when it would fit")
    func noOvertaking() throws {
        var machine = try StreamFixture.openWithHeadersSent.make()
        _ = try machine.sendMessage(message(10))
        #expect(try machine.sendMessage(message(5)) == .wait)
        _ = machine.receiveWindowUpdate(increment: 1)
        #expect(machine.queuedMessageCount == 0)
        #expect(try machine.sendMessage(message(0)) == .send(message(0)))
        #expect(try machine.sendMessage(message(1)) == .wait)
    }

    @Test("trailers wait behind messages queued for credit and leave with the last one", arguments: [false, true])
    func trailersWaitBehindMessages(halfClosed: Bool) throws {
        var machine = try StreamFixture.openWithHeadersSent.make()
        if halfClosed { _ = machine.receiveMessage(size: 0, endStream: true, compressed: false) }
        _ = try machine.sendMessage(message(10))
        #expect(try machine.sendMessage(message(7)) == .wait)
        let status = Status(code: .ok, message: "done")
        #expect(try machine.sendTrailers(status) == .wait)
        #expect(machine.phase == (halfClosed ? .halfClosed : .open))
        #expect(throws: Machine.UnreachableTransition.self) { try machine.sendMessage(message(1)) }
        #expect(throws: Machine.UnreachableTransition.self) { try machine.sendTrailers(status) }
        #expect(
            machine.receiveWindowUpdate(increment: 5) == .flush(Machine.Flush(messages: [message(7)], trailers: status))
        )
        #expect(machine.phase == .closed(.trailersSent))
        // The client may still grant credit or cancel, racing with the trailers.
        #expect(machine.receiveWindowUpdate(increment: 5) == .drop)
        #expect(machine.receiveCancel() == .drop)
    }

    @Test("a peer overrunning its receive window is a FLOW_CONTROL_ERROR")
    func peerOverrunsWindow() throws {
        var machine = try StreamFixture.open.make()
        #expect(
            machine.receiveMessage(size: 100, endStream: false, compressed: false)
                == .deliver(compressed: false, endOfInput: false)
        )
        #expect(
            machine.receiveMessage(size: 100, endStream: false, compressed: false)
                == .deliver(compressed: false, endOfInput: false)
        )
        guard
            case .protocolViolation(.flowControlError, _) = machine.receiveMessage(
                size: 1,
                endStream: false,
                compressed: false
            )
        else {
            Issue.record("expected a flow-control violation")
            return
        }
        #expect(machine.phase == .poisoned)
    }

    @Test("consuming received messages returns credit once half the window is used", arguments: [StreamFixture.open])
    func receiveWindowUpdatePolicy(fixture: StreamFixture) throws {
        var machine = try fixture.make()
        for _ in 0..<2 { _ = machine.receiveMessage(size: 100, endStream: false, compressed: false) }
        #expect(machine.messageConsumed(size: 60) == .none)
        #expect(machine.messageConsumed(size: 40) == .sendWindowUpdate(100))
        // Granted credit lets the client send again.
        #expect(
            machine.receiveMessage(size: 100, endStream: true, compressed: false)
                == .deliver(compressed: false, endOfInput: true)
        )
        // Once the client has finished, it needs no more credit.
        #expect(machine.messageConsumed(size: 200) == .none)
    }

    @Test(
        "a WINDOW_UPDATE overflowing the send window is a FLOW_CONTROL_ERROR",
        arguments: [StreamFixture.open, .halfClosed]
    )
    func windowUpdateOverflow(fixture: StreamFixture) throws {
        var machine = try fixture.make()
        guard
            case .protocolViolation(.flowControlError, _) = machine.receiveWindowUpdate(
                increment: Frame.maxWindowIncrement
            )
        else {
            Issue.record("expected a flow-control violation")
            return
        }
        #expect(machine.phase == .poisoned)
    }

    @Test("an oversized message fails only the call with RESOURCE_EXHAUSTED", arguments: [false, true])
    func oversizedMessage(endStream: Bool) throws {
        var machine = try StreamFixture.open.make()
        #expect(
            machine.receiveMessage(size: 100, endStream: false, compressed: false)
                == .deliver(compressed: false, endOfInput: false)
        )
        let action = machine.receiveMessage(size: 101, endStream: endStream, compressed: true)
        #expect(
            action
                == .failCall(
                    Status(code: .resourceExhausted, message: "message of 101 bytes exceeds the maximum of 100 bytes")
                )
        )
        #expect(machine.phase == .closed(.failed(.resourceExhausted)))
        // A later frame is a race if the client had not finished, a violation if it had.
        let next = machine.receiveMessage(size: 1, endStream: false, compressed: false)
        if endStream {
            #expect(next == .protocolViolation(.protocolError, "MESSAGE after END_STREAM"))
        } else {
            #expect(next == .drop)
        }
    }

    @Test(
        "CANCEL from the client cancels the work and discards queued output",
        arguments: [StreamFixture.openWithHeadersSent, .halfClosed]
    )
    func cancelFromPeer(fixture: StreamFixture) throws {
        var machine = try fixture.make()
        if fixture == .halfClosed { _ = try machine.sendHeaders() }
        _ = try machine.sendMessage(message(10))
        _ = try machine.sendMessage(message(10))
        #expect(machine.receiveCancel() == .cancelWork)
        #expect(machine.phase == .closed(.cancelledByPeer))
        #expect(machine.queuedMessageCount == 0)
        #expect(try machine.sendMessage(message(1)) == .drop)
        #expect(try machine.sendTrailers(Status(code: .ok)) == .drop)
        #expect(machine.receiveCancel() == .protocolViolation(.protocolError, "CANCEL after CANCEL"))
    }

    @Test("the application cancelling sends CANCEL; the client's frames in flight are dropped")
    func cancelFromApplication() throws {
        var machine = try StreamFixture.openWithHeadersSent.make()
        _ = try machine.sendMessage(message(10))
        _ = try machine.sendMessage(message(10))
        #expect(try machine.cancel() == .sendCancel)
        #expect(machine.phase == .closed(.cancelledByApplication))
        #expect(machine.receiveMessage(size: 5, endStream: true, compressed: false) == .drop)
        #expect(machine.receiveWindowUpdate(increment: 100) == .drop)
        #expect(machine.receiveCancel() == .drop)
        #expect(try machine.cancel() == .drop)
    }

    @Test("the deadline sends DEADLINE_EXCEEDED at once, overtaking queued messages and pending trailers")
    func deadline() throws {
        var machine = try StreamFixture.openWithHeadersSent.make()
        _ = try machine.sendMessage(message(10))
        _ = try machine.sendMessage(message(10))
        _ = try machine.sendTrailers(Status(code: .ok))
        #expect(
            try machine.deadlineExpired() == .failCall(Status(code: .deadlineExceeded, message: "deadline exceeded"))
        )
        #expect(machine.phase == .closed(.failed(.deadlineExceeded)))
        #expect(machine.queuedMessageCount == 0)
        #expect(try machine.sendTrailers(Status(code: .ok)) == .drop)
        #expect(try machine.deadlineExpired() == .drop)
    }

    @Test(
        "fail(with:) ends the call with that status, even before it started",
        arguments: [StreamFixture.idle, .open, .halfClosed]
    )
    func failWithStatus(fixture: StreamFixture) throws {
        var machine = try fixture.make()
        let status = Status(code: .invalidArgument, message: "undecodable message")
        #expect(machine.fail(with: status) == .failCall(status))
        #expect(machine.phase == .closed(.failed(.invalidArgument)))
        #expect(machine.fail(with: status) == .drop)
    }
}
