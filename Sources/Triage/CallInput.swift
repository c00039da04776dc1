import Acoustics
import TriageCore

/// One call to classify: its turns (transcript and the midwife's notes) and the caller's record.
public struct CallInput: Sendable {
    public var id: String
    public var startedAt: LocalDateTime?
    /// The caller's record; fills facts the call does not state, marked as from the record.
    public var metadata: CallMetadata
    public var turns: [Turn]
    /// The call's language when known; detected from the turns otherwise.
    public var language: String?
    /// Contraction-like episodes heard on the caller's channel, when the recording was analysed.
    public var acoustic: EpisodeSummary?

    public init(id: String, startedAt: LocalDateTime? = nil, metadata: CallMetadata = CallMetadata(), turns: [Turn], language: String? = nil,
                acoustic: EpisodeSummary? = nil) {
        self.id = id; self.startedAt = startedAt; self.metadata = metadata; self.turns = turns; self.language = language
        self.acoustic = acoustic
    }
}
