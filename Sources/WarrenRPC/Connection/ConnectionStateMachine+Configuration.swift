package import WarrenProto

extension ConnectionStateMachine {
    /// What the server announces and enforces on a connection.
    package struct Configuration: Hashable, Sendable {
        /// The SETTINGS the server sends after the preface (its `protocol_version` is filled in from the
        /// preface); its limits are the ones the machine enforces on the client.
        package var settings: Settings
        /// How many PINGs in a row the client may send without data sent in between before the connection
        /// is closed with GOAWAY PROTOCOL_ERROR ("enhance your calm").
        package var maxPingStrikes: Int

        /// Creates a configuration.
        ///
        /// - Precondition: `settings.maxFrameSize` is at least 16 KiB and both windows are at most 2^31-1.
        package init(settings: Settings = Self.defaultSettings, maxPingStrikes: Int = 2) {
            precondition(settings.maxFrameSize >= Frame.minimumMaxFrameSize, "max_frame_size below 16 KiB")
            precondition(
                Int(settings.initialStreamWindow) <= FlowControlWindow.maxSize
                    && Int(settings.initialConnectionWindow) <= FlowControlWindow.maxSize,
                "window above 2^31-1"
            )
            precondition(maxPingStrikes >= 0, "negative ping strikes")
            self.settings = settings
            self.maxPingStrikes = maxPingStrikes
        }

        /// Warren's defaults: 4 MiB frames and messages, 100 concurrent streams, a 1 MiB window per stream
        /// and 4 MiB for the connection.
        package static let defaultSettings = Settings(
            maxFrameSize: Frame.defaultMaxFrameSize,
            maxConcurrentStreams: 100,
            initialStreamWindow: 1 << 20,
            initialConnectionWindow: 4 << 20,
            maxMessageSize: 4 << 20,
            supportedEncodings: ["identity", "deflate"]
        )
    }
}
