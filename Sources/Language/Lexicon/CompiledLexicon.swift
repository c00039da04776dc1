import TriageCore

/// The phrases of many lexicons (all reasons', or all findings') for one language, indexed by their
/// first word so a turn is matched in one pass.
public struct CompiledLexicon: Sendable {
    public let language: String
    private var byFirstStem: [String: [LexiconEntry]] = [:]
    /// Phrases whose first word is a prefix, and phrases whose long first word may match with a letter wrong,
    /// by the first letter of that word (a fuzzy match keeps the first letter).
    private var prefixFirst: [Character: [LexiconEntry]] = [:]
    private var longFirstWords: [Character: [LexiconEntry]] = [:]
    /// Phrases written `!phrase`: a match of the same code inside one of them does not count ("!hay fever").
    private var exclusions: [String: [LexiconEntry]] = [:]
    /// Two-word phrases with their words swapped, by their (new) first stem.
    private var reversible: [String: [LexiconEntry]] = [:]
    /// One-word phrases by their word, for a compound a recogniser split in two ("hoved pine" for "hovedpine").
    private var oneWord: [String: [LexiconEntry]] = [:]
    /// Words that make a phrase's order matter: negations, prepositions and the like.
    static let orderWords: Set<String> = ["ikke", "ingen", "not", "no", "n't", "i", "på", "af", "til", "med", "for", "in", "on", "of", "to", "at",
                                          "the", "a", "en", "et", "my", "min", "mit", "er", "is", "har", "has", "det", "it"]

    /// Compiles `lexicons` (code → lexicon) for `language`.
    public init(_ lexicons: [(code: String, lexicon: Lexicon)], language: String, analyzer: TextAnalyzer) {
        self.language = language
        for (code, lexicon) in lexicons {
            for written in lexicon.phrases(for: language) {
                let excluded = written.hasPrefix("!")
                let phrase = excluded ? String(written.dropFirst()) : written
                var words: [(String, String, Bool)] = []
                var exact = Set<Int>()
                let parts = phrase.lowercased().split(whereSeparator: { $0 == " " })
                for (i, part) in parts.enumerated() {
                    let isPrefix = part.hasSuffix("*") && i == parts.count - 1
                    let isExact = part.hasPrefix("=")
                    let word = String((isPrefix ? part.dropLast() : part[...]).drop { $0 == "=" })
                    let tokens = analyzer.analyze(word, language: language).filter { $0.kind != .punctuation }
                    for t in tokens {
                        if isExact { exact.insert(words.count) }
                        words.append((isPrefix ? t.text : t.stem, t.text, isPrefix))
                    }
                }
                guard let first = words.first else { continue }
                var entry = LexiconEntry(code: code, phrase: phrase, words: words.map { (stem: $0.0, text: $0.1, isPrefix: $0.2) })
                entry.exact = exact
                if excluded {
                    exclusions[code, default: []].append(entry)
                    continue
                }
                if first.2, let letter = first.1.first { prefixFirst[letter, default: []].append(entry) }
                else if !first.2 { byFirstStem[first.0, default: []].append(entry) }
                if words.count == 2, exact.isEmpty, !words.contains(where: { $0.2 || CompiledLexicon.orderWords.contains($0.1) }) {
                    let swapped = LexiconEntry(code: code, phrase: phrase, words: [words[1], words[0]].map { (stem: $0.0, text: $0.1, isPrefix: $0.2) })
                    reversible[words[1].0, default: []].append(swapped)
                }
                if !first.2, first.1.count >= CompiledLexicon.fuzzyLength, let letter = first.1.first { longFirstWords[letter, default: []].append(entry) }
                if words.count == 1, !first.2, first.1.count >= 6 { oneWord[first.1, default: []].append(entry) }
            }
        }
    }

    /// Words at least this long may match with one letter wrong (transcription errors).
    static let fuzzyLength = 7

    /// Every phrase found in `tokens`; where one match lies inside a longer one of any code, only the
    /// longer is kept ("bløder meget" rather than "bløder").
    public func matches(in tokens: [Token]) -> [LexiconMatch] {
        var found: [LexiconMatch] = []
        for start in tokens.indices where tokens[start].kind != .punctuation {
            var candidates = byFirstStem[tokens[start].stem] ?? []
            if let exact = byFirstStem[tokens[start].text], tokens[start].text != tokens[start].stem { candidates += exact }
            if CompiledLexicon.isOne(tokens[start]) { candidates += CompiledLexicon.ones.flatMap { byFirstStem[$0] ?? [] } }
            let letter = tokens[start].text.first ?? " "
            candidates += (prefixFirst[letter] ?? []).filter { tokens[start].text.hasPrefix($0.words[0].text) }
            if tokens[start].text.count >= CompiledLexicon.fuzzyLength {
                candidates += (longFirstWords[letter] ?? []).filter {
                    $0.words[0].stem != tokens[start].stem && CompiledLexicon.withinOneEdit($0.words[0].text, tokens[start].text)
                }
            }
            for entry in candidates {
                if let (end, fuzzy) = match(entry, tokens, from: start) {
                    found.append(LexiconMatch(code: entry.code, phrase: entry.phrase, tokens: start..<end,
                                              characters: tokens[start].range.lowerBound..<tokens[end - 1].range.upperBound, fuzzy: fuzzy))
                }
            }
            // A compound split in two by a recogniser ("hoved pine", "foster vand").
            if start + 1 < tokens.count, tokens[start].kind == .word, tokens[start + 1].kind == .word {
                for entry in oneWord[tokens[start].text + tokens[start + 1].text] ?? [] {
                    found.append(LexiconMatch(code: entry.code, phrase: entry.phrase, tokens: start..<(start + 2),
                                              characters: tokens[start].range.lowerBound..<tokens[start + 1].range.upperBound, fuzzy: true))
                }
            }
            // Two-word phrases also match the other way round ("synet er sløret" for "sløret syn").
            for entry in reversible[tokens[start].stem] ?? [] {
                if let (end, fuzzy) = match(entry, tokens, from: start) {
                    found.append(LexiconMatch(code: entry.code, phrase: entry.phrase, tokens: start..<end,
                                              characters: tokens[start].range.lowerBound..<tokens[end - 1].range.upperBound, fuzzy: fuzzy))
                }
            }
        }
        // Drop matches inside an exclusion of their code ("fever" in "hay fever").
        found.removeAll { m in
            (exclusions[m.code] ?? []).contains { entry in
                (max(0, m.tokens.lowerBound - entry.words.count + 1)...m.tokens.lowerBound).contains { start in
                    guard let (end, _) = match(entry, tokens, from: start) else { return false }
                    return start <= m.tokens.lowerBound && end >= m.tokens.upperBound
                }
            }
        }
        // Where matches overlap, the one that matches more of its phrase's words wins ("slim med blod i" is a show, not
        // "blod i"); of equal phrases the one that spans more ("period pain that doesn't stop" is constant pain, not
        // "like period pain"); equal matches keep one per code.
        func words(_ m: LexiconMatch) -> Int { m.phrase.split(separator: " ").count }
        var kept: [LexiconMatch] = []
        for m in found.sorted(by: { (words($0), $0.tokens.count, $1.tokens.lowerBound) > (words($1), $1.tokens.count, $0.tokens.lowerBound) }) {
            let beaten = kept.contains { k in
                k.tokens.overlaps(m.tokens) && (k.code == m.code || words(k) > words(m) || words(k) == words(m) && k.tokens.count > m.tokens.count)
            }
            if !beaten { kept.append(m) }
        }
        return kept.sorted { ($0.tokens.lowerBound, $0.code) < ($1.tokens.lowerBound, $1.code) }
    }

    private func match(_ entry: LexiconEntry, _ tokens: [Token], from start: Int) -> (Int, Bool)? {
        var i = start
        var fuzzy = false
        for (n, word) in entry.words.enumerated() {
            var gap = 0
            while true {
                // The comma before a relative clause is written, not heard: "noget hårdt, der kommer ud".
                if n > 0, i < tokens.count, tokens[i].text == ",", CompiledLexicon.relativeWords.contains(word.text) { i += 1 }
                guard i < tokens.count, tokens[i].kind != .punctuation else { return nil }
                let t = tokens[i]
                let exact = entry.exact.contains(n)
                if word.isPrefix ? t.text.hasPrefix(word.text) : exact ? t.text == word.text : (t.stem == word.stem || t.text == word.text) { break }
                if CompiledLexicon.ones.contains(word.text), CompiledLexicon.isOne(t) { break }
                if !word.isPrefix, !exact, word.text.count >= CompiledLexicon.fuzzyLength, CompiledLexicon.withinOneEdit(word.text, t.text) {
                    fuzzy = true
                    break
                }
                // The first word must match where we started; later words may follow a gap of a small word
                // ("vandet er lige gået"), never a word with a meaning of its own ("ondt i hovedet siden" is no "ondt i siden").
                guard n > 0, gap < LexiconEntry.maxGap, !CompiledLexicon.meaningfulGap(t) else { return nil }
                gap += 1
                i += 1
            }
            i += 1
        }
        return (i, fuzzy)
    }

    /// Words that open a relative clause, which a phrase may reach across the comma before it.
    static let relativeWords: Set<String> = ["der", "som", "that", "which", "who"]

    /// The article or "one" that a recogniser writes as the digit 1 ("der stikker 1 snor ud" for "en snor").
    static let ones: Set<String> = ["en", "et", "a", "an", "one"]

    static func isOne(_ token: Token) -> Bool { token.kind == .number && token.value == 1 && token.text == "1" }

    /// Nouns of the body and of time that a phrase may not skip over: each changes what the phrase says.
    static let meaningfulGapWords: Set<String> = ["hovedet", "hoved", "ryggen", "ryg", "brystet", "bryst", "benet", "benene", "halsen", "øjnene", "head",
                                                  "back", "chest", "leg", "legs", "throat", "eyes", "barnet", "baby", "tandkødet", "gums", "nose", "næsen"]

    static func meaningfulGap(_ token: Token) -> Bool { token.kind == .number || meaningfulGapWords.contains(token.text) }

    /// Whether two words differ by at most one insertion, deletion or substitution.
    static func withinOneEdit(_ a: String, _ b: String) -> Bool {
        let x = Array(a), y = Array(b)
        // A recogniser errs inside a word, not in its first letter ("painted" is not "fainted").
        guard x.first == y.first else { return false }
        if abs(x.count - y.count) > 1 { return false }
        var i = 0, j = 0, edits = 0
        while i < x.count && j < y.count {
            if x[i] == y[j] { i += 1; j += 1; continue }
            edits += 1
            if edits > 1 { return false }
            if x.count > y.count { i += 1 } else if y.count > x.count { j += 1 } else { i += 1; j += 1 }
        }
        return edits + (x.count - i) + (y.count - j) <= 1
    }
}
