/// How the suggestions fared against the midwives' decisions: per ISO week or month, optionally split by the
/// suggestion's reason, disposition, taxonomy version or model version. A call counts once, by its latest decision
/// against the suggestion that decision was made on. Replays of known calls are left out unless `includeReplays`.
public struct QualityQuery: Sendable, Equatable {
    public enum Period: String, Sendable, CaseIterable { case week, month }
    public enum Split: String, Sendable, CaseIterable {
        case none, reason, disposition
        case taxonomyVersion = "taxonomy_version"
        case modelVersion = "model_version"
        /// The override reason the midwife gave with her latest decision (`none` when she gave none).
        case overrideReason = "override_reason"
    }

    public var period: Period
    public var split: Split
    /// First and last day (inclusive), `YYYY-MM-DD`, of the calls' local start.
    public var from: String?
    public var to: String?
    /// Count the calls that replay a known recording too (the demo's live replays).
    public var includeReplays: Bool

    public init(period: Period = .week, split: Split = .none, from: String? = nil, to: String? = nil, includeReplays: Bool = false) {
        self.period = period; self.split = split; self.from = from; self.to = to; self.includeReplays = includeReplays
    }
}

/// One period (and split value): how many decided calls, and how the decision compared with the suggestion.
public struct QualityRow: Sendable, Equatable {
    public var period: String
    /// The split's value (`all` when not split).
    public var group: String
    public var decided: Int
    /// The midwife decided what was suggested.
    public var confirmed: Int
    /// She decided more urgently than suggested: a possible under-triage by the assistant.
    public var moreUrgent: Int
    /// She decided less urgently: over-triage.
    public var lessUrgent: Int

    public init(period: String, group: String, decided: Int, confirmed: Int, moreUrgent: Int, lessUrgent: Int) {
        self.period = period; self.group = group; self.decided = decided; self.confirmed = confirmed
        self.moreUrgent = moreUrgent; self.lessUrgent = lessUrgent
    }
}

/// A call where the assistant may have under-triaged: the midwife decided two or more levels more urgently than
/// suggested, or the suggestion was to stay home (self care, referral, information) and she decided attend now or 112.
public struct QualityIncident: Sendable, Equatable {
    public var callID: Int64
    /// The call's ISO week.
    public var week: String
    public var suggested: String
    public var decided: String
    public var suggestedReason: String?
    public var modelVersion: String
    /// The newest review's conclusion, when a researcher has reviewed it.
    public var conclusion: IncidentConclusion?

    public init(callID: Int64, week: String, suggested: String, decided: String, suggestedReason: String?, modelVersion: String,
                conclusion: IncidentConclusion? = nil) {
        self.callID = callID; self.week = week; self.suggested = suggested; self.decided = decided
        self.suggestedReason = suggestedReason; self.modelVersion = modelVersion; self.conclusion = conclusion
    }
}
