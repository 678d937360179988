import Testing
import WarrenBench
import WarrenProto

/// Counting failures by kind.
@Suite("ErrorTally")
struct ErrorTallyTests {
    @Test("status codes are named without the STATUS_CODE_ prefix")
    func names() {
        #expect(ErrorTally.name(of: .unavailable) == "UNAVAILABLE")
        #expect(ErrorTally.name(of: .deadlineExceeded) == "DEADLINE_EXCEEDED")
        #expect(ErrorTally.name(of: .unrecognized(42)) == "CODE_42")
    }

    @Test("merging adds counts kind by kind")
    func merge() {
        var first = ErrorTally()
        first.record("UNAVAILABLE")
        first.record("REJECTED")
        var second = ErrorTally()
        second.record("UNAVAILABLE")
        first.merge(second)
        #expect(first.counts == ["UNAVAILABLE": 2, "REJECTED": 1])
        #expect(first.total == 3)
    }
}
