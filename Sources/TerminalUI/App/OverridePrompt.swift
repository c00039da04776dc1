/// The one-key picker of an override reason, open just after the midwife decided otherwise than suggested: `a`, `b`,
/// `d`, … pick the taxonomy's reasons in order, any other key closes it unpicked (and does what it always does). A
/// reason that wants her words opens a line to type them.
public struct OverridePrompt: Sendable, Equatable {
    /// The keys of the reasons, in the taxonomy's order: letters the triage screen has no other use for (`c` confirms,
    /// `n` opens a note, `r` records, `l` and `q` are everywhere), so that a key meant for the screen is never a reason.
    public static let keys: [Character] = ["a", "b", "d", "e", "f", "g", "h", "i"]

    public var callID: Int64
    /// The decision just stored, which the reason goes with.
    public var decisionID: Int64
    /// The reason picked that wants her words, while she types them.
    public var picked: Int?
    public var text = ""

    public init(callID: Int64, decisionID: Int64) { self.callID = callID; self.decisionID = decisionID }
}
