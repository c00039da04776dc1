/// One speaker's stretch of talk in a call, as a transcript or the midwife's notes give it.
///
/// Times are integer milliseconds from the start of the recording; an untimed transcript
/// (plain text, typed notes) leaves them `nil`.
public struct Turn: Sendable, Equatable, Codable {
    /// The role of whoever spoke.
    public var speaker: Speaker
    /// The label the transcript used for the speaker ("Jordemoder", "Caller (partner)"), if any.
    public var speakerLabel: String?
    /// Start of the turn in milliseconds, when known.
    public var startMs: Int?
    /// End of the turn in milliseconds, when known.
    public var endMs: Int?
    /// What was said, as plain text.
    public var text: String

    public init(speaker: Speaker, speakerLabel: String? = nil, startMs: Int? = nil, endMs: Int? = nil, text: String) {
        self.speaker = speaker
        self.speakerLabel = speakerLabel
        self.startMs = startMs
        self.endMs = endMs
        self.text = text
    }
}
