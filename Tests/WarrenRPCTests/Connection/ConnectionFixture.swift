import Testing
import WarrenProto
import WarrenRPC

/// A state of `ConnectionStateMachine` that the tests can build, and how to reach it.
enum ConnectionFixture: String, CaseIterable, CustomTestStringConvertible {
    case awaitingPreface
    case prefaceReceived
    case active
    case activeWithStreams
    case draining
    case closed

    /// Small limits: 2 concurrent streams, 100-byte stream and 1 000-byte connection windows, 2 ping strikes.
    static let settings = Settings(
        maxFrameSize: Frame.minimumMaxFrameSize,
        maxConcurrentStreams: 2,
        initialStreamWindow: 100,
        initialConnectionWindow: 1_000,
        maxMessageSize: 50
    )

    static let configuration = ConnectionStateMachine.Configuration(settings: settings, maxPingStrikes: 2)

    /// The client's SETTINGS in every fixture.
    static let clientSettings = Settings(maxFrameSize: 32_768, initialStreamWindow: 300, initialConnectionWindow: 500)

    var testDescription: String { self.rawValue }

    /// A machine in this state; the streams fixtures have streams 1 and 3 open.
    func make() throws -> ConnectionStateMachine {
        var machine = ConnectionStateMachine(configuration: Self.configuration)
        if self == .awaitingPreface { return machine }
        _ = try machine.receivePreface(Preface())
        if self == .prefaceReceived { return machine }
        if self == .closed {
            _ = machine.idleTimeoutFired()
            return machine
        }
        _ = machine.receiveSettings(Self.clientSettings)
        _ = machine.receiveSettingsAck()
        if self == .active { return machine }
        _ = machine.receiveHeaders(streamID: 1)
        _ = machine.receiveHeaders(streamID: 3)
        if self == .draining { _ = machine.beginGracefulShutdown() }
        return machine
    }
}

extension ConnectionStateMachine.OnReceiveHeaders {
    /// The GOAWAY when the action closes the connection.
    var goAway: GoAway? {
        if case .closeWithGoAway(let goAway) = self { goAway } else { nil }
    }
}
