import Foundation

/// What a researcher concluded about an incident (a possible under-triage).
public enum IncidentConclusion: String, Sendable, Codable, CaseIterable {
    /// The assistant should have suggested more urgently from what was said.
    case assistantError = "assistant_error"
    /// The transcript was wrong (a misheard word), and the assistant with it.
    case transcriptError = "transcript_error"
    /// The midwife decided more urgently from what she knew or heard: not the assistant's failure.
    case midwifeJudgement = "midwife_judgement"
}

/// A researcher's review of one incident, never replaced: a later review of the same call is a new one, the newest
/// counts.
public struct IncidentReview: Sendable, Equatable {
    public var id: Int64?
    public var callID: Int64
    public var reviewedAt: Date
    /// Who reviewed: the session's user (set by the archive when stored).
    public var reviewedBy: String
    public var conclusion: IncidentConclusion
    /// The researcher's words.
    public var note: String?

    public init(id: Int64? = nil, callID: Int64, reviewedAt: Date = Date(), reviewedBy: String = "", conclusion: IncidentConclusion,
                note: String? = nil) {
        self.id = id; self.callID = callID; self.reviewedAt = reviewedAt; self.reviewedBy = reviewedBy
        self.conclusion = conclusion; self.note = note
    }
}
