/// A value that writes its stored JSON itself: exactly the bytes its `Encodable` conformance writes
/// through ``SortedJSONEncoder``, without `Codable`'s boxed container per value (docs/DECISIONS.md D114).
///
/// Only the records written on every admission have one (``SortedJSONRecords``). A writer may hand any
/// part it does not write itself back to the `Codable` path with ``SortedJSONWriter/writeValue(_:)``.
/// `SortedJSONEncoderTests` holds each of them to Foundation's `JSONEncoder` output.
protocol SortedJSONWritable: Encodable {
    /// Writes this value's JSON at the writer's current position.
    func writeSortedJSON(to writer: SortedJSONWriter) throws
}

/// One JSON object written member by member into a ``SortedJSONWriter``'s text; members must come in
/// key order, as `.sortedKeys` orders them (debug builds check it).
struct SortedJSONObject: ~Copyable {
    private let writer: SortedJSONWriter
    private var isEmpty = true
    #if DEBUG
        private var lastKey: StaticString?
    #endif

    /// Opens an object at the writer's current position.
    init(_ writer: SortedJSONWriter) {
        self.writer = writer
        writer.text.append(UInt8(ascii: "{"))
    }

    /// Writes the comma and `"key":` of the next member; its value follows.
    mutating func key(_ key: StaticString) {
        #if DEBUG
            if let lastKey {
                let ordered = lastKey.withUTF8Buffer { last in
                    key.withUTF8Buffer { last.lexicographicallyPrecedes($0) }
                }
                assert(ordered, "SortedJSONObject: \(key) written after \(lastKey)")
            }
            lastKey = key
        #endif
        if !isEmpty { writer.text.append(UInt8(ascii: ",")) }
        isEmpty = false
        writer.text.append(UInt8(ascii: "\""))
        writer.text.append(ascii: key)
        writer.text.append(ascii: "\":")
    }

    /// Opens the payload object of the enum case `name`, inside the one-key object synthesized
    /// `Codable` writes around it: `{"name":{`.
    init(_ writer: SortedJSONWriter, enumCase name: StaticString) {
        writer.text.append(ascii: "{\"")
        writer.text.append(ascii: name)
        writer.text.append(ascii: "\":")
        self.init(writer)
    }

    /// Closes the object.
    consuming func close() {
        writer.text.append(UInt8(ascii: "}"))
    }

    /// Closes an enum case's payload and the object around it.
    consuming func closeEnumCase() {
        writer.text.append(ascii: "}}")
    }

    mutating func string(_ key: StaticString, _ value: String) {
        self.key(key)
        writer.text.append(string: value)
    }

    /// Writes the member only when `value` is present, as `encodeIfPresent` does.
    mutating func string(_ key: StaticString, ifPresent value: String?) {
        if let value { string(key, value) }
    }

    mutating func integer(_ key: StaticString, _ value: some BinaryInteger) {
        self.key(key)
        writer.text.append(integer: value)
    }

    mutating func integer(_ key: StaticString, ifPresent value: (some BinaryInteger)?) {
        if let value { integer(key, value) }
    }

    mutating func bool(_ key: StaticString, _ value: Bool) {
        self.key(key)
        writer.text.append(bool: value)
    }

    /// A case name stored by its raw value (``StoredByName`` and raw-value enums).
    mutating func name(_ key: StaticString, _ value: some RawRepresentable<String>) {
        string(key, value.rawValue)
    }

    mutating func name(_ key: StaticString, ifPresent value: (some RawRepresentable<String>)?) {
        if let value { name(key, value) }
    }

    /// A member written by its own ``SortedJSONWritable`` conformance.
    mutating func record(_ key: StaticString, _ value: some SortedJSONWritable) throws {
        self.key(key)
        try value.writeSortedJSON(to: writer)
    }

    mutating func record(_ key: StaticString, ifPresent value: (some SortedJSONWritable)?) throws {
        if let value { try record(key, value) }
    }

    /// A member written through its `Codable` conformance.
    mutating func encoded(_ key: StaticString, _ value: some Encodable) throws {
        self.key(key)
        try writer.writeValue(value)
    }

    mutating func encoded(_ key: StaticString, ifPresent value: (some Encodable)?) throws {
        if let value { try encoded(key, value) }
    }

    /// A member whose value is an array of records.
    mutating func records(_ key: StaticString, _ values: [some SortedJSONWritable]) throws {
        self.key(key)
        writer.text.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { writer.text.append(UInt8(ascii: ",")) }
            try value.writeSortedJSON(to: writer)
        }
        writer.text.append(UInt8(ascii: "]"))
    }
}
