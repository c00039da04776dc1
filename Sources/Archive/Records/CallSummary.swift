import TriageCore

/// One line of the call list: what identifies a call and how big it is.
public struct CallSummary: Sendable, Equatable, Codable {
    public var id: Int64
    public var sha256: String
    public var path: String
    public var durationMs: Int?
    public var sampleRate: Int?
    public var channels: Int
    public var startedAt: String?
    public var language: LanguageCode?
    public var callerType: CallerType?
    public var gestationalWeek: Int?
    public var gestationalDays: Int?
    /// Number of transcript turns.
    public var turns: Int
    /// The current suggestion's primary reason and disposition, and the midwife's decided disposition.
    public var suggestedPrimary: ReasonCode?
    public var suggestedDisposition: Disposition?
    public var confirmedDisposition: Disposition?
    /// The recording this call replays, when it is a known call played again through the live path.
    public var replayOf: ReplaySource?

    enum CodingKeys: String, CodingKey {
        case id, sha256, path, channels, language, turns
        case durationMs = "duration_ms", sampleRate = "sample_rate", startedAt = "started_at"
        case callerType = "caller_type", gestationalWeek = "gestational_week", gestationalDays = "gestational_days"
        case suggestedPrimary = "suggested_primary", suggestedDisposition = "suggested_disposition"
        case confirmedDisposition = "confirmed_disposition", replayOf = "replay_of"
    }

    public init(id: Int64, sha256: String, path: String, durationMs: Int?, sampleRate: Int?, channels: Int,
                startedAt: String?, language: LanguageCode?, callerType: CallerType?, gestationalWeek: Int?,
                gestationalDays: Int?, turns: Int, suggestedPrimary: ReasonCode? = nil, suggestedDisposition: Disposition? = nil,
                confirmedDisposition: Disposition? = nil, replayOf: ReplaySource? = nil) {
        self.id = id; self.sha256 = sha256; self.path = path; self.durationMs = durationMs
        self.sampleRate = sampleRate; self.channels = channels; self.startedAt = startedAt
        self.language = language; self.callerType = callerType; self.gestationalWeek = gestationalWeek
        self.gestationalDays = gestationalDays; self.turns = turns
        self.suggestedPrimary = suggestedPrimary; self.suggestedDisposition = suggestedDisposition
        self.confirmedDisposition = confirmedDisposition; self.replayOf = replayOf
    }
}
