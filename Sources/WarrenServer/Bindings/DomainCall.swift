import WarrenRPC
import WarrenRuntime

/// Runs a call into the runtime, turning every domain error into its call status (the mapping layer's
/// ``RPCError/init(domain:)``); an `RPCError` thrown by request validation passes through unchanged.
func domainCall<T>(_ body: () async throws -> T) async throws(RPCError) -> T {
    do {
        return try await body()
    } catch let error as RPCError {
        throw error
    } catch {
        throw RPCError(domain: error)
    }
}

/// ``domainCall(_:)`` for a call about one session: a driver error's detail names the session.
func domainCall<T>(session: SessionID, _ body: () async throws -> T) async throws(RPCError) -> T {
    do {
        return try await body()
    } catch let error as RuntimeDriverError {
        throw RPCError(error, sessionID: session)
    } catch let error as RPCError {
        throw error
    } catch {
        throw RPCError(domain: error)
    }
}
