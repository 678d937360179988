import Foundation

/// Encodes `Encodable` values as JSON with sorted keys: the bytes Foundation's `JSONEncoder` writes
/// with `.sortedKeys`, written straight into one buffer instead of through a tree of boxed values,
/// several times faster on the records the store writes on every admission (docs/DECISIONS.md D59).
///
/// Keys sort by their UTF-8 bytes, as `JSONEncoder` sorts them on Linux. `Data` is Base64 and `URL`
/// its absolute string, as `JSONEncoder`'s defaults write them; non-finite numbers are refused. The
/// coding path is not tracked (errors name the value, not its path).
package enum SortedJSONEncoder {
    /// The JSON bytes of `value`.
    package static func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let writer = SortedJSONWriter()
        if let record = value as? any SortedJSONWritable {
            try record.writeSortedJSON(to: writer)
        } else {
            try writer.writeValue(value)
        }
        if let failure = writer.failure { throw failure }
        return writer.text.bytes
    }
}

/// The state of one encoding: the text, and the containers still open in it, innermost last.
///
/// ``SortedJSONWritable`` records write into `text` directly and hand the parts they leave to
/// `Codable` to ``writeValue(_:)``, which needs no open container around it.
///
/// A container's members are written where they are encoded; when the container closes, members
/// that arrived out of key order are rewritten in order (one copy of the object's own bytes).
final class SortedJSONWriter: Encoder {
    /// The JSON written so far.
    var text = JSONBytes(capacity: 256)
    /// The first error met where the `Encoder` API cannot throw.
    private(set) var failure: (any Error)?
    private var frames: [Frame] = []
    private var members: [Member] = []
    private var nextFrameID = 0
    private var slot = Slot()

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// An open object or array.
    private struct Frame {
        let id: Int
        let isObject: Bool
        /// Where its content starts: just after its opening bracket.
        let contentStart: Int
        /// Its first member's index in `members` (objects only).
        let firstMember: Int
        /// The member of the enclosing object it is the value of, if opened as a nested container.
        let parentMember: PendingMember?
        var count = 0
        var sorted = true
        var lastKey = ""
    }

    /// One `"key":value` of an open object: `start..<end` in the text, without its comma.
    private struct Member {
        let key: String
        let start: Int
        let end: Int
    }

    /// A member whose value is still being written.
    struct PendingMember {
        let key: String
        let start: Int
    }

    /// The value being written now: whether it was written, and the container it opened.
    private struct Slot {
        var filled = false
        var frameID: Int?
    }

    // MARK: Encoder

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(SortedJSONKeyedContainer<Key>(writer: self, frameID: openSlotContainer(object: true)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        SortedJSONUnkeyedContainer(writer: self, frameID: openSlotContainer(object: false))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SortedJSONSingleValueContainer(writer: self)
    }

    // MARK: Values

    /// Writes `value` into the current position.
    func writeValue<Value: Encodable>(_ value: Value) throws {
        if try writeKnownValue(value) { return }
        let saved = slot
        let depth = frames.count
        slot = Slot()
        defer { slot = saved }
        try value.encode(to: self)
        closeFrames(downTo: depth)
        if !slot.filled { text.append(ascii: "{}") }
    }

    /// Writes a single value of the current slot; a second one is refused.
    func fillSlot() -> Bool {
        guard !slot.filled else {
            fail("a single value container was asked for two values")
            return false
        }
        slot.filled = true
        return true
    }

    /// Writes a finite number, or throws as `JSONEncoder` does for infinities and NaN.
    func writeFloat<Number: BinaryFloatingPoint & LosslessStringConvertible>(_ value: Number) throws {
        guard text.append(float: value) else {
            throw EncodingError.invalidValue(
                value,
                EncodingError.Context(codingPath: [], debugDescription: "Unable to encode \(value) directly in JSON.")
            )
        }
    }

    /// Writes the types `JSONEncoder` writes by itself, and the common scalars without a detour
    /// through their `encode(to:)`; false when `value` is none of them.
    private func writeKnownValue<Value: Encodable>(_ value: Value) throws -> Bool {
        if Value.self == String.self {
            text.append(string: unsafeBitCast(value, to: String.self))
        } else if Value.self == Int.self {
            text.append(integer: unsafeBitCast(value, to: Int.self))
        } else if Value.self == Int64.self {
            text.append(integer: unsafeBitCast(value, to: Int64.self))
        } else if Value.self == UInt64.self {
            text.append(integer: unsafeBitCast(value, to: UInt64.self))
        } else if Value.self == Bool.self {
            text.append(bool: unsafeBitCast(value, to: Bool.self))
        } else if Value.self == [UInt8].self {
            writeBytes(unsafeBitCast(value, to: [UInt8].self))
        } else if Value.self == Double.self {
            try writeFloat(unsafeBitCast(value, to: Double.self))
        } else if Value.self == Data.self {
            text.append(string: unsafeBitCast(value, to: Data.self).base64EncodedString())
        } else if Value.self == URL.self {
            text.append(string: unsafeBitCast(value, to: URL.self).absoluteString)
        } else {
            return false
        }
        return true
    }

    private func writeBytes(_ bytes: [UInt8]) {
        text.append(UInt8(ascii: "["))
        for (index, byte) in bytes.enumerated() {
            if index > 0 { text.append(UInt8(ascii: ",")) }
            text.append(integer: byte)
        }
        text.append(UInt8(ascii: "]"))
    }

    // MARK: Containers

    /// Opens the container of the current value, or returns the one it already opened.
    private func openSlotContainer(object: Bool) -> Int {
        if let id = slot.frameID, let index = frameIndex(id), frames[index].isObject == object { return id }
        guard fillSlot() else { return -1 }
        let id = openFrame(object: object, parentMember: nil)
        slot.frameID = id
        return id
    }

    /// Opens a container nested in the object `frameID` under `key`.
    func openNestedContainer(in frameID: Int, key: String, object: Bool) -> Int {
        guard let pending = try? beginMember(frameID, key: key) else {
            fail("a nested container was asked of a container already closed")
            return -1
        }
        return openFrame(object: object, parentMember: pending)
    }

    /// Opens a container nested in the array `frameID` as its next element.
    func openNestedContainer(inArray frameID: Int, object: Bool) -> Int {
        guard (try? beginElement(frameID)) != nil else {
            fail("a nested container was asked of a container already closed")
            return -1
        }
        return openFrame(object: object, parentMember: nil)
    }

    private func openFrame(object: Bool, parentMember: PendingMember?) -> Int {
        text.append(object ? UInt8(ascii: "{") : UInt8(ascii: "["))
        nextFrameID += 1
        frames.append(
            Frame(
                id: nextFrameID,
                isObject: object,
                contentStart: text.count,
                firstMember: members.count,
                parentMember: parentMember
            )
        )
        return nextFrameID
    }

    /// Starts the member `key` of the object `frameID`: closes containers nested in it that are
    /// done, writes the comma and the key.
    func beginMember(_ frameID: Int, key: String) throws -> PendingMember {
        let index = try openFrameIndex(frameID)
        if frames[index].count > 0 { text.append(UInt8(ascii: ",")) }
        let start = text.count
        text.append(string: key)
        text.append(UInt8(ascii: ":"))
        return PendingMember(key: key, start: start)
    }

    /// Ends the member started by `beginMember` once its value is written.
    func endMember(_ pending: PendingMember) {
        let index = frames.count - 1
        members.append(Member(key: pending.key, start: pending.start, end: text.count))
        if frames[index].count > 0, !frames[index].lastKey.utf8.lexicographicallyPrecedes(pending.key.utf8) {
            frames[index].sorted = false
        }
        frames[index].lastKey = pending.key
        frames[index].count += 1
    }

    /// Starts the next element of the array `frameID`.
    func beginElement(_ frameID: Int) throws {
        let index = try openFrameIndex(frameID)
        if frames[index].count > 0 { text.append(UInt8(ascii: ",")) }
        frames[index].count += 1
    }

    /// The index of the open container `frameID`, after closing the containers nested in it.
    private func openFrameIndex(_ frameID: Int) throws -> Int {
        guard let index = frameIndex(frameID) else {
            throw EncodingError.invalidValue(
                frameID,
                EncodingError.Context(codingPath: [], debugDescription: "a container was used after its value ended")
            )
        }
        closeFrames(downTo: index + 1)
        return index
    }

    private func frameIndex(_ frameID: Int) -> Int? {
        frames.lastIndex { $0.id == frameID }
    }

    /// Closes open containers until `depth` remain.
    private func closeFrames(downTo depth: Int) {
        while frames.count > depth { closeInnermostFrame() }
    }

    private func closeInnermostFrame() {
        let frame = frames.removeLast()
        if frame.isObject {
            if !frame.sorted { rewriteInKeyOrder(frame) }
            members.removeSubrange(frame.firstMember...)
            text.append(UInt8(ascii: "}"))
        } else {
            text.append(UInt8(ascii: "]"))
        }
        if let parentMember = frame.parentMember { endMember(parentMember) }
    }

    /// Rewrites an object's members in key order; of two members with one key, the last wins.
    private func rewriteInKeyOrder(_ frame: Frame) {
        let own = members[frame.firstMember...]
        let ordered = own.enumerated().sorted { lhs, rhs in
            if lhs.element.key == rhs.element.key { return lhs.offset < rhs.offset }
            return lhs.element.key.utf8.lexicographicallyPrecedes(rhs.element.key.utf8)
        }.map(\.element)
        let content = Array(text.bytes[frame.contentStart...])
        text.bytes.removeSubrange(frame.contentStart...)
        var written = 0
        for (index, member) in ordered.enumerated() {
            if index + 1 < ordered.count, ordered[index + 1].key == member.key { continue }
            if written > 0 { text.append(UInt8(ascii: ",")) }
            text.bytes.append(
                contentsOf: content[(member.start - frame.contentStart)..<(member.end - frame.contentStart)]
            )
            written += 1
        }
    }

    /// Remembers the first error met where the `Encoder` API cannot throw.
    func fail(_ message: String) {
        guard failure == nil else { return }
        failure = EncodingError.invalidValue(
            message,
            EncodingError.Context(codingPath: [], debugDescription: message)
        )
    }
}
