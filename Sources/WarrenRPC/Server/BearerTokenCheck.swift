internal import WarrenProto

/// Checks a call's `authorization` metadata against the server's bearer token, in constant time.
struct BearerTokenCheck: Sendable {
    /// The whole expected header value, `Bearer <token>`.
    private let expected: [UInt8]

    /// Creates a check for `token`.
    init(token: String) {
        self.expected = Array(CallMetadata.bearer(token).utf8)
    }

    /// Nil when the metadata carries the token, else the UNAUTHENTICATED error.
    func verify(_ metadata: [String: String]) -> RPCError? {
        guard let presented = metadata[CallMetadata.authorization] else {
            return RPCError(.unauthenticated, "missing authorization metadata")
        }
        return Self.constantTimeEquals(Array(presented.utf8), self.expected)
            ? nil : RPCError(.unauthenticated, "invalid bearer token")
    }

    /// Compares every byte of the expected value whatever the input, so timing reveals neither prefix nor length.
    private static func constantTimeEquals(_ presented: [UInt8], _ expected: [UInt8]) -> Bool {
        var difference = UInt(presented.count ^ expected.count)
        for index in expected.indices {
            let byte = index < presented.count ? presented[index] : ~expected[index]
            difference |= UInt(byte ^ expected[index])
        }
        return difference == 0
    }
}
