/// A word, number or punctuation mark of a turn, normalised for matching, with where it came from.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case word
        /// Digits, with their value ("38", "38,4", "38.4").
        case number
        /// A clause boundary: . , ; : ? ! and dashes between clauses.
        case punctuation
    }

    public var kind: Kind
    /// Lower-cased, with Danish "aa" left as written.
    public var text: String
    /// The Snowball stem of a word (the text itself for numbers and punctuation).
    public var stem: String
    /// The numeric value of a number token, or of a number word ("fem", "otteogtredive", "fifth").
    public var value: Double?
    /// Character offsets of the token in the turn's text, for highlighting evidence.
    public var range: Range<Int>

    public init(kind: Kind, text: String, stem: String, value: Double? = nil, range: Range<Int>) {
        self.kind = kind; self.text = text; self.stem = stem; self.value = value; self.range = range
    }

    public var isWord: Bool { kind == .word }
}
