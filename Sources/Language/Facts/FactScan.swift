import TriageCore

/// One turn being read for facts: its tokens, what the midwife just asked, the turns before it, the words each
/// language says a fact with, and the facts the readers have found so far (in the order they found them).
struct FactScan {
    let tokens: [Token]
    /// The tokens' texts, for matching word sequences.
    let texts: [String]
    let language: String
    /// What the midwife just asked, so that a bare answer counts.
    let topics: Set<QuestionTopic>
    /// The call has spoken of the waters already.
    let watersInCall: Bool
    let vocabulary: FactWords
    private let contextWords: Set<String>
    /// The facts found so far.
    private(set) var facts: [ExtractedFact] = []
    /// The tokens each fact has taken, so that a repeatable fact's check stays as short as its own words.
    private var covered: [FactName: Set<Int>] = [:]

    /// Facts a turn may state more than once (a correction, a range then a later figure); the collector decides
    /// between them by the taxonomy's `when_several`. Other facts count once per turn.
    static let repeatable: Set<FactName> = [.gestationalWeek, .gestationalDays, .contractionIntervalMin]

    init(tokens: [Token], language: String, topics: Set<QuestionTopic>, context: [Token], watersInCall: Bool, vocabulary: FactWords) {
        self.tokens = tokens; self.texts = tokens.map(\.text); self.language = language; self.topics = topics
        self.watersInCall = watersInCall; self.vocabulary = vocabulary; self.contextWords = Set(context.map(\.text))
    }

    /// The words of a set, in every language.
    func words(_ set: FactWordSet) -> Set<String> { vocabulary.words(set) }
    /// The phrases of a set, each as its words, in every language.
    func phrases(_ set: FactWordSet) -> [[String]] { vocabulary.phrases(set) }

    /// The value of token `i`, if it is a number (nil outside the turn).
    func number(_ i: Int) -> Double? { i >= 0 && i < tokens.count ? tokens[i].value : nil }
    /// The text of token `i` ("" outside the turn).
    func word(_ i: Int) -> String { i >= 0 && i < tokens.count ? tokens[i].text : "" }
    /// Whether the text of token `i` is one of the set's words.
    func word(_ i: Int, in set: FactWordSet) -> Bool { words(set).contains(word(i)) }

    /// Whether a token in `range` (clamped to the turn) is one of `set`, by its text or its stem.
    func any(_ set: Set<String>, in range: Range<Int>) -> Bool {
        let lower = max(0, range.lowerBound), upper = min(tokens.count, range.upperBound)
        guard lower < upper else { return false }
        return tokens[lower..<upper].contains { set.contains($0.text) || set.contains($0.stem) }
    }
    /// Whether a token in `range` is one of the set's words.
    func any(_ set: FactWordSet, in range: Range<Int>) -> Bool { any(words(set), in: range) }

    /// Whether the turn (by text or stem) or the turns just before (by text) say one of `set`.
    func mentioned(_ set: Set<String>) -> Bool {
        !set.isDisjoint(with: contextWords) || tokens.contains { set.contains($0.text) || set.contains($0.stem) }
    }
    /// Whether the turn or the turns just before say one of the set's words.
    func mentioned(_ set: FactWordSet) -> Bool { mentioned(words(set)) }

    /// The first place one of the set's phrases is said (up to `gap` other words inside a phrase).
    func first(_ set: FactWordSet, gap: Int = 0) -> Range<Int>? { WordSequence.first(of: phrases(set), in: texts, gap: gap) }
    /// The length of the set's first phrase that is said starting at token `i`, if one is.
    func phrase(_ set: FactWordSet, at i: Int) -> Int? {
        phrases(set).first { phrase in phrase.indices.allSatisfy { word(i + $0) == phrase[$0] } }?.count
    }

    /// Whether one of the set's phrases is said right before token `k`.
    func phrase(_ set: FactWordSet, endsBefore k: Int) -> Bool {
        phrases(set).contains { phrase in phrase.indices.allSatisfy { word(k - phrase.count + $0) == phrase[$0] } }
    }

    /// The phrase (clause) around token `i`.
    func sentence(around i: Int) -> Range<Int> { Sentences.phrase(around: i, in: tokens) }

    /// Whether a fact of this name has been found.
    func has(_ name: FactName) -> Bool { facts.contains { $0.name == name } }

    /// Adds a fact stated by the tokens in `range`, unless the turn has stated it already (for a repeatable fact:
    /// unless those tokens stated it already).
    mutating func add(_ name: FactName, _ value: FactValue, _ range: Range<Int>) {
        if let taken = covered[name], !Self.repeatable.contains(name) || range.contains(where: taken.contains) { return }
        facts.append(ExtractedFact(name: name, value: value, tokens: range))
        covered[name, default: []].formUnion(range)
    }
}

/// Reads one fact (or a closely tied pair) from a turn into the scan.
protocol FactReader: Sendable {
    func read(_ scan: inout FactScan)
}
