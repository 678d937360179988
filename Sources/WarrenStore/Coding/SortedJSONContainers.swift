/// A keyed container of ``SortedJSONWriter``: one JSON object.
struct SortedJSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: SortedJSONWriter
    let frameID: Int

    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {
        let member = try writer.beginMember(frameID, key: key.stringValue)
        writer.text.append(ascii: "null")
        writer.endMember(member)
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        let member = try writer.beginMember(frameID, key: key.stringValue)
        writer.text.append(bool: value)
        writer.endMember(member)
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        let member = try writer.beginMember(frameID, key: key.stringValue)
        writer.text.append(string: value)
        writer.endMember(member)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        let member = try writer.beginMember(frameID, key: key.stringValue)
        try writer.writeFloat(value)
        writer.endMember(member)
    }

    mutating func encode(_ value: Float, forKey key: Key) throws {
        let member = try writer.beginMember(frameID, key: key.stringValue)
        try writer.writeFloat(value)
        writer.endMember(member)
    }

    mutating func encode(_ value: Int, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try encodeInteger(value, key) }

    mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
        let member = try writer.beginMember(frameID, key: key.stringValue)
        try writer.writeValue(value)
        writer.endMember(member)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let id = writer.openNestedContainer(in: frameID, key: key.stringValue, object: true)
        return KeyedEncodingContainer(SortedJSONKeyedContainer<NestedKey>(writer: writer, frameID: id))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        SortedJSONUnkeyedContainer(
            writer: writer,
            frameID: writer.openNestedContainer(in: frameID, key: key.stringValue, object: false)
        )
    }

    mutating func superEncoder() -> any Encoder { unsupportedSuperEncoder() }

    mutating func superEncoder(forKey key: Key) -> any Encoder { unsupportedSuperEncoder() }

    private func encodeInteger(_ value: some BinaryInteger, _ key: Key) throws {
        let member = try writer.beginMember(frameID, key: key.stringValue)
        writer.text.append(integer: value)
        writer.endMember(member)
    }

    private func unsupportedSuperEncoder() -> any Encoder {
        writer.fail("superEncoder is not supported by the store's record encoder")
        return writer
    }
}

/// An unkeyed container of ``SortedJSONWriter``: one JSON array.
struct SortedJSONUnkeyedContainer: UnkeyedEncodingContainer {
    let writer: SortedJSONWriter
    let frameID: Int
    private(set) var count = 0

    init(writer: SortedJSONWriter, frameID: Int) {
        self.writer = writer
        self.frameID = frameID
    }

    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws {
        try begin()
        writer.text.append(ascii: "null")
    }

    mutating func encode(_ value: Bool) throws {
        try begin()
        writer.text.append(bool: value)
    }

    mutating func encode(_ value: String) throws {
        try begin()
        writer.text.append(string: value)
    }

    mutating func encode(_ value: Double) throws {
        try begin()
        try writer.writeFloat(value)
    }

    mutating func encode(_ value: Float) throws {
        try begin()
        try writer.writeFloat(value)
    }

    mutating func encode(_ value: Int) throws { try encodeInteger(value) }
    mutating func encode(_ value: Int8) throws { try encodeInteger(value) }
    mutating func encode(_ value: Int16) throws { try encodeInteger(value) }
    mutating func encode(_ value: Int32) throws { try encodeInteger(value) }
    mutating func encode(_ value: Int64) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt8) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt16) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt32) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt64) throws { try encodeInteger(value) }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        try begin()
        try writer.writeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        count += 1
        let id = writer.openNestedContainer(inArray: frameID, object: true)
        return KeyedEncodingContainer(SortedJSONKeyedContainer<NestedKey>(writer: writer, frameID: id))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        count += 1
        return SortedJSONUnkeyedContainer(
            writer: writer,
            frameID: writer.openNestedContainer(inArray: frameID, object: false)
        )
    }

    mutating func superEncoder() -> any Encoder {
        writer.fail("superEncoder is not supported by the store's record encoder")
        return writer
    }

    private mutating func begin() throws {
        try writer.beginElement(frameID)
        count += 1
    }

    private mutating func encodeInteger(_ value: some BinaryInteger) throws {
        try begin()
        writer.text.append(integer: value)
    }
}

/// The single-value container of ``SortedJSONWriter``: the current value itself.
struct SortedJSONSingleValueContainer: SingleValueEncodingContainer {
    let writer: SortedJSONWriter

    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws {
        guard writer.fillSlot() else { return }
        writer.text.append(ascii: "null")
    }

    mutating func encode(_ value: Bool) throws {
        guard writer.fillSlot() else { return }
        writer.text.append(bool: value)
    }

    mutating func encode(_ value: String) throws {
        guard writer.fillSlot() else { return }
        writer.text.append(string: value)
    }

    mutating func encode(_ value: Double) throws {
        guard writer.fillSlot() else { return }
        try writer.writeFloat(value)
    }

    mutating func encode(_ value: Float) throws {
        guard writer.fillSlot() else { return }
        try writer.writeFloat(value)
    }

    mutating func encode(_ value: Int) throws { encodeInteger(value) }
    mutating func encode(_ value: Int8) throws { encodeInteger(value) }
    mutating func encode(_ value: Int16) throws { encodeInteger(value) }
    mutating func encode(_ value: Int32) throws { encodeInteger(value) }
    mutating func encode(_ value: Int64) throws { encodeInteger(value) }
    mutating func encode(_ value: UInt) throws { encodeInteger(value) }
    mutating func encode(_ value: UInt8) throws { encodeInteger(value) }
    mutating func encode(_ value: UInt16) throws { encodeInteger(value) }
    mutating func encode(_ value: UInt32) throws { encodeInteger(value) }
    mutating func encode(_ value: UInt64) throws { encodeInteger(value) }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        guard writer.fillSlot() else { return }
        try writer.writeValue(value)
    }

    private func encodeInteger(_ value: some BinaryInteger) {
        guard writer.fillSlot() else { return }
        writer.text.append(integer: value)
    }
}
