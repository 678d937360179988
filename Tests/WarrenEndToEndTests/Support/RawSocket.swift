import Foundation
import NIOCore
import WarrenRPC

/// A plain blocking TCP socket for hostile-peer tests: it writes whatever bytes a test wants, reads frames
/// with WarrenRPC's own decoder, and tells when the server closed the connection.
final class RawSocket: @unchecked Sendable {
    private let descriptor: Int32
    private var pending = ByteBuffer()
    private var decoder = FrameDecoder(maxFrameSize: 16 << 20)
    private var closed = false

    /// Connects to 127.0.0.1:`port`, with a receive timeout so a test never hangs on a silent server.
    init(port: Int, receiveTimeout: Duration = .seconds(10)) throws {
        self.descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard self.descriptor >= 0 else { throw HarnessError("socket() failed") }
        var timeout = timeval(tv_sec: Int(receiveTimeout.components.seconds), tv_usec: 0)
        setsockopt(self.descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(self.descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(self.descriptor)
            throw HarnessError("connect to \(port) failed")
        }
    }

    deinit {
        close(self.descriptor)
    }

    /// Writes `bytes` as they are.
    func send(_ bytes: [UInt8]) throws {
        let sent = bytes.withUnsafeBytes {
            Foundation.send(self.descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
        }
        guard sent == bytes.count else { throw HarnessError("send failed (\(sent))") }
    }

    /// Writes one frame.
    func send(_ frame: Frame) throws {
        var buffer = ByteBuffer()
        try FrameEncoder(maxFrameSize: 16 << 20).write(frame, into: &buffer)
        try self.send(Array(buffer.readableBytesView))
    }

    /// Writes the client preface.
    func sendPreface() throws {
        var buffer = ByteBuffer()
        Preface().write(into: &buffer)
        try self.send(Array(buffer.readableBytesView))
    }

    /// The next frame, or nil once the server closed the connection (or the timeout passed).
    func nextFrame() throws -> Frame? {
        while true {
            if let frame = try self.decoder.decode(buffer: &self.pending) { return frame }
            guard self.receive() else { return nil }
        }
    }

    /// Reads frames until the server closes; returns them.
    func readUntilClosed() throws -> [Frame] {
        var frames: [Frame] = []
        while let frame = try self.nextFrame() { frames.append(frame) }
        return frames
    }

    /// Closes the socket abruptly (RST when unread data remains), like a client that vanishes.
    func vanish() {
        var linger = linger(l_onoff: 1, l_linger: 0)
        setsockopt(self.descriptor, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
        shutdown(self.descriptor, Int32(SHUT_RDWR))
    }

    private func receive() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { recv(self.descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        self.pending.writeBytes(chunk[0..<count])
        return true
    }
}
