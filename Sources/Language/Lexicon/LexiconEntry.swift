/// One phrase of a lexicon, prepared for matching: its words as stems, with a trailing `*`
/// turning the last word into a prefix and a leading `=` making a word match only as written
/// ("=blød" is soft, not the stem of "bløder").
public struct LexiconEntry: Sendable {
    /// The reason or finding the phrase signals.
    public var code: String
    /// The phrase as written in the taxonomy.
    public var phrase: String
    /// Per word: the stem to compare, the plain word, and whether it is a prefix.
    public var words: [(stem: String, text: String, isPrefix: Bool)]
    /// Indices of the words that match only as written.
    public var exact: Set<Int> = []

    /// Words that any phrase word may be split by ("vandet er lige gået").
    public static let maxGap = 1
}
