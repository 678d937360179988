extension IdentifierTag {
    /// Tags ``WaitRequestID``.
    public enum WaitRequest {}
}

/// The id of one `waitAll` barrier request (UUIDv7).
public typealias WaitRequestID = Identifier<IdentifierTag.WaitRequest>
