/// A server's `host:port`, as flags and environment variables spell it; IPv6 hosts in brackets (`[::1]:7433`).
public struct ServerAddress: Hashable, Sendable, CustomStringConvertible {
    /// Warren's default: loopback, port 7433.
    public static let `default` = ServerAddress(host: "127.0.0.1", port: 7433)

    /// The host name or IP address.
    public var host: String
    /// The TCP port (0 lets a server pick one).
    public var port: Int

    /// Creates an address.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `host:port`; nil when the text has another shape or the port is out of range.
    public init?(parsing text: String) {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, let port = Int(text[text.index(after: colon)...]), (0...65_535).contains(port) else {
            return nil
        }
        self.init(host: host, port: port)
    }

    public var description: String {
        self.host.contains(":") ? "[\(self.host)]:\(self.port)" : "\(self.host):\(self.port)"
    }
}
