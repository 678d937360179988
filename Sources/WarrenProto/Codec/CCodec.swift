internal import CWarrenProto

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Musl)
    internal import Musl
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Field conversions between Swift values and libprotobuf-c's C representation, used by generated code.
enum CCodec {
    /// A NUL-terminated empty string that lives for the whole process, shared by every empty field.
    nonisolated(unsafe) static let emptyCString: UnsafeMutablePointer<CChar> = {
        let empty = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
        empty.initialize(to: 0)
        return empty
    }()

    // MARK: Arena allocation

    @inline(__always)
    static func allocate<T>(_: T.Type, _ arena: OpaquePointer) -> UnsafeMutablePointer<T> {
        guard let raw = cwarren_arena_alloc(arena, MemoryLayout<T>.stride) else { outOfMemory() }
        return raw.bindMemory(to: T.self, capacity: 1)
    }

    /// Allocates an array for a repeated field; the first argument only names the element type.
    @inline(__always)
    static func allocateArray<T>(
        of _: UnsafeMutablePointer<T>?,
        count: Int,
        _ arena: OpaquePointer
    ) -> UnsafeMutablePointer<T> {
        guard let raw = cwarren_arena_alloc(arena, MemoryLayout<T>.stride * count) else { outOfMemory() }
        return raw.bindMemory(to: T.self, capacity: count)
    }

    static func outOfMemory() -> Never {
        fatalError("WarrenProto: out of memory in the codec arena")
    }

    // MARK: Strings

    @inline(__always)
    static func string(
        _ value: String,
        _ arena: OpaquePointer,
        _ field: StaticString
    ) throws(ProtoEncodingError) -> UnsafeMutablePointer<CChar> {
        if value.isEmpty { return emptyCString }
        var value = value
        let copy = value.withUTF8 { utf8 -> UnsafeMutablePointer<CChar>? in
            if memchr(utf8.baseAddress!, 0, utf8.count) != nil { return nil }
            guard let copy = cwarren_arena_copy_string(arena, utf8.baseAddress, utf8.count) else { outOfMemory() }
            return copy
        }
        guard let copy else {
            throw ProtoEncodingError(
                kind: .stringContainsNUL,
                message: "\(field) contains U+0000, which the libprotobuf-c codec cannot encode"
            )
        }
        return copy
    }

    @inline(__always)
    static func string(
        _ pointer: UnsafeMutablePointer<CChar>?,
        _ field: StaticString
    ) throws(ProtoDecodingError) -> String {
        guard let pointer else { return "" }
        let length = cwarren_unpacked_string_length(pointer)
        if length == 0 { return "" }
        // The specialised C-string initialiser validates UTF-8 far faster than the generic buffer one;
        // a NUL inside the field stops it early, which the length comparison then catches.
        guard let string = String(validatingCString: pointer) else {
            throw ProtoDecodingError(kind: .invalidString, message: "\(field) is not valid UTF-8")
        }
        guard string.utf8.count == length else {
            throw ProtoDecodingError(kind: .invalidString, message: "\(field) contains a NUL byte")
        }
        return string
    }

    // MARK: Bytes

    @inline(__always)
    static func bytes(_ value: [UInt8], _ arena: OpaquePointer) -> ProtobufCBinaryData {
        if value.isEmpty { return ProtobufCBinaryData(len: 0, data: nil) }
        guard let raw = cwarren_arena_alloc(arena, value.count) else { outOfMemory() }
        value.withUnsafeBytes { raw.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        return ProtobufCBinaryData(len: value.count, data: raw.assumingMemoryBound(to: UInt8.self))
    }

    @inline(__always)
    static func bytes(_ data: ProtobufCBinaryData) -> [UInt8] {
        guard data.len > 0, let start = data.data else { return [] }
        return Array(UnsafeBufferPointer(start: start, count: data.len))
    }

    // MARK: Maps

    /// Map keys in UTF-8 byte order, the order deterministic protobuf encoders use.
    @inline(__always)
    static func sortedKeys<Value>(_ map: [String: Value]) -> [String] {
        map.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
