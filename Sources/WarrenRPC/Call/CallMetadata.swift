/// Well-known metadata keys (keys travel lower-case).
public enum CallMetadata {
    /// `authorization`: `Bearer <token>` when the server runs with a token file.
    public static let authorization = "authorization"

    /// The `authorization` value for a bearer token.
    public static func bearer(_ token: String) -> String { "Bearer \(token)" }
}
