/// A phrase of a lexicon found in a turn.
public struct LexiconMatch: Sendable, Equatable {
    /// The reason or finding the phrase signals.
    public var code: String
    /// The phrase as written in the taxonomy.
    public var phrase: String
    /// Token indices the match covers.
    public var tokens: Range<Int>
    /// Character offsets in the turn's text.
    public var characters: Range<Int>
    /// Whether a word matched only approximately (a likely transcription error).
    public var fuzzy: Bool
}
