import Testing
import WarrenRuntime

/// Identifiers: UUIDv7 text, and the session ⇄ runtime id mapping of adapter-spec §1.
@Suite("Identifiers")
struct IdentifierTests {
    @Test("new ids are canonical lowercase UUIDv7 text with the RFC variant, unique and time-ordered by prefix")
    func uuidV7Shape() {
        let ids = (0..<200).map { _ in InputID.make().rawValue }
        #expect(Set(ids).count == ids.count)
        for id in ids {
            let characters = Array(id)
            #expect(characters.count == 36)
            #expect(characters[14] == "7", "version nibble of \(id)")
            #expect("89ab".contains(characters[19]), "variant nibble of \(id)")
            #expect(id == id.lowercased())
        }
        let prefixes = ids.map { $0.prefix(13) }
        #expect(prefixes == prefixes.sorted(), "the 48-bit millisecond prefix never goes backwards")
    }

    @Test("ids drawn across many refills of the buffered random pool stay unique, with random bits that vary")
    func uuidV7AcrossRandomPoolRefills() {
        // 4,000 ids use the 4 KiB pool about 16 times over (16 bytes per id).
        let ids = (0..<4_000).map { _ in InputID.make().rawValue }
        #expect(Set(ids).count == ids.count)
        #expect(Set(ids.map { $0.suffix(12) }).count == ids.count, "the last 48 random bits differ")
        for id in ids.prefix(300) {
            #expect(RuntimeID(id).sessionID != nil, "\(id) is canonical UUID text")
        }
    }

    @Test("a runtime id maps back to its session only when it is a UUID")
    func runtimeIDToSession() {
        let session = SessionID.make()
        #expect(session.runtimeID.sessionID == session)
        #expect(RuntimeID(session.rawValue.uppercased()).sessionID == session)
        #expect(RuntimeID("agent-1").sessionID == nil)
        #expect(RuntimeID("0190c4d2-7a1b-7cc3-8f00-00000000000").sessionID == nil)
    }
}
