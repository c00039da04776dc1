/// Whether a finding is stated, denied or only wondered about.
public enum Polarity: String, Sendable, Codable {
    /// Stated as present.
    case present
    /// Negated ("ingen blødning", "no fever") or denied in answer to a question.
    case denied
    /// Hedged ("måske", "jeg ved ikke om", "not sure if"): counted as present, flagged as uncertain.
    case uncertain
}
