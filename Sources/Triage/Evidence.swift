import Language
import TriageCore

/// Why the classifier says something: the words in a turn (or the record, or a rule) behind it.
public struct Evidence: Sendable, Equatable {
    /// Where the evidence comes from.
    public enum Source: String, Sendable {
        /// What the caller said.
        case transcript
        /// The midwife's typed notes.
        case notes
        /// The midwife's question and the caller's yes or no.
        case questionAnswer = "question_answer"
        /// The caller's record (metadata), not the call.
        case record
        /// A rule over other evidence (a red flag's condition, the protocol's default).
        case rule
        /// What the recording sounds like, not what was said (contraction-like episodes).
        case acoustic
        /// The trained reason model, with the features that weighed most.
        case model
    }

    public var source: Source
    /// Index of the turn in the call, when from a turn.
    public var turn: Int?
    public var speaker: Speaker?
    public var startMs: Int?
    public var endMs: Int?
    /// The words that matched, as said.
    public var text: String
    /// Character offsets of `text` in the turn.
    public var characters: Range<Int>?
    /// The lexicon phrase or rule behind it.
    public var phrase: String?
    public var polarity: Polarity
    /// The finding or fact code it supports, when it is about one.
    public var code: String?

    public init(source: Source, turn: Int? = nil, speaker: Speaker? = nil, startMs: Int? = nil, endMs: Int? = nil, text: String,
                characters: Range<Int>? = nil, phrase: String? = nil, polarity: Polarity = .present, code: String? = nil) {
        self.source = source; self.turn = turn; self.speaker = speaker; self.startMs = startMs; self.endMs = endMs
        self.text = text; self.characters = characters; self.phrase = phrase; self.polarity = polarity; self.code = code
    }
}
