import WarrenRPC
import WarrenRuntime

/// Runs a call into the runtime, turning every domain error into its call status (the mapping layer's
/// ``RPCError/init(domain:sessionID:)``; a driver error's detail names `session` when given); an `RPCError`
/// thrown by request validation passes through unchanged.
func domainCall<T>(session: SessionID? = nil, _ body: () async throws -> T) async throws(RPCError) -> T {
    do {
        return try await body()
    } catch {
        throw RPCError(domain: error, sessionID: session)
    }
}
