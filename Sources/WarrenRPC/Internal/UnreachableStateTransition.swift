/// An event a state machine's caller must never produce in the machine's current phase: a bug in the
/// caller, not in the peer (STYLE §6). Each machine names it `UnreachableTransition`.
package struct UnreachableStateTransition<Phase: Hashable & Sendable>: Error, Hashable, Sendable,
    CustomStringConvertible
{
    /// The event that was attempted.
    package var event: String
    /// The phase it was attempted in.
    package var phase: Phase

    /// Creates the error for `event` attempted in `phase`.
    package init(event: String, phase: Phase) {
        self.event = event
        self.phase = phase
    }

    /// The event and the phase.
    package var description: String { "\(self.event) is not allowed in state \(self.phase)" }
}
