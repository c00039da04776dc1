/// Whose contact reasons the statistics count.
public enum StatsSource: String, Sendable, CaseIterable {
    /// The classifier's latest suggestion per call.
    case suggested
    /// The midwife's latest decision per call.
    case confirmed
    /// Researchers' labels (every code labelled on a call, by any annotator).
    case labelled
}
