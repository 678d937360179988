import Foundation
import WarrenRuntime

/// A transaction whose records its caller has already encoded, so the group-commit writer only binds
/// bytes: JSON encoding runs on the callers' threads, in parallel, not serially inside a batch (D58).
struct EncodedTransaction: Sendable {
    /// The transaction itself.
    let transaction: StoreTransaction
    /// The receipt's record, if there is a receipt.
    let receiptRecord: Data?
    /// One record per input state, in order.
    let inputRecords: [Data]
    /// One envelope head per event, in order (see ``RecordCoding/envelopeHead(_:eventID:)``).
    let eventHeads: [EncodedEventHead]
    /// The runtime id as a JSON string, spliced into every envelope.
    let runtimeIDJSON: Data

    /// Encodes `transaction`'s records, or names the value that cannot be encoded.
    init(_ transaction: StoreTransaction) throws(WriteRejection) {
        self.transaction = transaction
        receiptRecord = try transaction.receipt.map { receipt throws(WriteRejection) in
            try Self.encode(receipt, "receipt")
        }
        var inputRecords: [Data] = []
        inputRecords.reserveCapacity(transaction.inputStates.count)
        for record in transaction.inputStates { inputRecords.append(try Self.encode(record, "input")) }
        self.inputRecords = inputRecords
        var eventHeads: [EncodedEventHead] = []
        eventHeads.reserveCapacity(transaction.events.count)
        for pending in transaction.events {
            let eventID = EventID.make()
            eventHeads.append(
                EncodedEventHead(
                    eventID: eventID,
                    json: try Self.run("event") { try RecordCoding.envelopeHead(pending, eventID: eventID) }
                )
            )
        }
        self.eventHeads = eventHeads
        runtimeIDJSON = try Self.encode(transaction.runtimeID, "runtime id")
    }

    /// The JSON of `value`, or a rejection naming `what`.
    static func encode(_ value: some Encodable, _ what: String) throws(WriteRejection) -> Data {
        try run(what) { try RecordCoding.encode(value) }
    }

    private static func run(_ what: String, _ body: () throws -> Data) throws(WriteRejection) -> Data {
        do {
            return try body()
        } catch {
            throw WriteRejection(message: "\(what) cannot be encoded: \(error)")
        }
    }
}

/// An event's id and its envelope's JSON up to the fields assigned at commit.
struct EncodedEventHead: Sendable {
    /// The envelope's id, made with the head because the head holds it.
    let eventID: EventID
    /// The envelope's JSON before `position`, without the closing brace.
    let json: Data
}
