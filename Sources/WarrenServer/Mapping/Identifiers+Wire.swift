package import WarrenRPC
package import WarrenRuntime

/// How an identifier kind is written on the wire: UUID text, or (for runtime ids) any non-empty text.
package protocol WireIdentifierTag {
    /// Whether the id must be a hyphenated UUID.
    static var requiresUUID: Bool { get }
}

extension IdentifierTag.Input: WireIdentifierTag { package static var requiresUUID: Bool { true } }
extension IdentifierTag.Run: WireIdentifierTag { package static var requiresUUID: Bool { true } }
extension IdentifierTag.Session: WireIdentifierTag { package static var requiresUUID: Bool { true } }
extension IdentifierTag.Event: WireIdentifierTag { package static var requiresUUID: Bool { true } }
extension IdentifierTag.Epoch: WireIdentifierTag { package static var requiresUUID: Bool { true } }
extension IdentifierTag.Operation: WireIdentifierTag { package static var requiresUUID: Bool { true } }
extension IdentifierTag.Interaction: WireIdentifierTag { package static var requiresUUID: Bool { true } }
extension IdentifierTag.WaitRequest: WireIdentifierTag { package static var requiresUUID: Bool { true } }
// A runtime id is a free string in the reference; the adapter's are session UUIDs, but a control-plane
// caller may name any runtime, and an unknown one is NOT_FOUND rather than INVALID_ARGUMENT.
extension IdentifierTag.Runtime: WireIdentifierTag { package static var requiresUUID: Bool { false } }

extension Identifier where Tag: WireIdentifierTag {
    /// Reads a required id. UUIDs are accepted in either case and kept in canonical lowercase, so the
    /// same id always names the same entry (D40).
    package init(wire: String, field: String) throws(RPCError) {
        guard !wire.isEmpty else { throw RPCError.invalidWire(field, "missing") }
        guard Tag.requiresUUID else {
            self.init(wire)
            return
        }
        guard WireUUID.isValid(wire) else { throw RPCError.invalidWire(field, "not a UUID: \"\(wire)\"") }
        self.init(wire.lowercased())
    }

    /// Reads an optional id: empty text is absent.
    package static func optional(wire: String, field: String) throws(RPCError) -> Self? {
        wire.isEmpty ? nil : try Self(wire: wire, field: field)
    }

    /// Reads a repeated id field, naming a bad element by its index.
    package static func list(wire: [String], field: String) throws(RPCError) -> [Self] {
        try decodeEach(wire, field) { (text, path) throws(RPCError) in try Self(wire: text, field: path) }
    }
}

extension Optional {
    /// The wire text of an optional id: empty when absent.
    package func wireID<Tag>() -> String where Wrapped == Identifier<Tag> { self?.rawValue ?? "" }
}

extension Array {
    /// The wire texts of a list of ids.
    package func wireIDs<Tag>() -> [String] where Element == Identifier<Tag> { map(\.rawValue) }
}

/// The textual UUID form (8-4-4-4-12 hex digits, any version); WarrenRuntime's own check is internal to it.
enum WireUUID {
    static func isValid(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count == 36 else { return false }
        for (index, byte) in utf8.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                guard byte.isHexDigit else { return false }
            }
        }
        return true
    }
}

extension UInt8 {
    fileprivate var isHexDigit: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
            || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self | 0x20)
    }
}
