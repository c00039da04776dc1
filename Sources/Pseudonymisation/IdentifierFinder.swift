/// Finds CPR numbers, telephone numbers, e-mail addresses and first names in a transcript's or a note's text, however
/// they were written or said: `010190-1234`, `0101901234`, `01 01 90 12 34`, digit by digit or in pairs in Danish
/// or English ("nul et nul et halvfems tolv fireogtredive", "oh one oh one nine oh …"), as a recogniser writes
/// them (lower case, no punctuation). Recall comes first, but a number is a CPR number only when its first six digits
/// are a date, unless a cue ("cpr", "personnummer") stands shortly before it; sentence punctuation, a colon, a plus
/// inside or a full stop between numbers (38+2, kl. 14.30) separate numbers.
public struct IdentifierFinder: Sendable {
    public let words: IdentifierWords

    public init(words: IdentifierWords) { self.words = words }

    /// The identifiers in `text`, in text order, none overlapping.
    public func spans(in text: String) -> [IdentifierSpan] {
        let characters = Array(text)
        var found = writtenEmails(characters)
        let tokens = Self.outside(found, TextToken.tokens(characters))
        found += spokenEmails(tokens)
        let free = Self.outside(found, tokens)
        found += numbers(free)
        found += names(Self.outside(found, free), in: tokens, characters: characters)
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The tokens outside `spans`; a token just after a span's tokens gets a gap that joins nothing to it, so the
    /// words on either side of an identifier never make one number or name.
    static func outside(_ spans: [IdentifierSpan], _ tokens: [TextToken]) -> [TextToken] {
        var kept: [TextToken] = []
        var dropped = false
        for token in tokens {
            if spans.contains(where: { $0.range.overlaps(token.range) }) { dropped = true; continue }
            var t = token
            if dropped { t.gap += "\u{0}." }
            dropped = false
            kept.append(t)
        }
        return kept
    }

    // MARK: E-mail addresses

    /// `local@domain.tld` as written: the local part of letters, digits and `._%+-`, a domain with at least one dot.
    func writtenEmails(_ c: [Character]) -> [IdentifierSpan] {
        func local(_ x: Character) -> Bool { (x.isLetter || x.isNumber) || "._%+-".contains(x) }
        func domain(_ x: Character) -> Bool { (x.isLetter || x.isNumber) || x == "-" || x == "." }
        var spans: [IdentifierSpan] = []
        var i = 0
        while i < c.count {
            guard c[i] == "@" else { i += 1; continue }
            var start = i
            while start > 0, local(c[start - 1]) { start -= 1 }
            var end = i + 1
            while end < c.count, domain(c[end]) { end += 1 }
            while end > i + 1, c[end - 1] == "." || c[end - 1] == "-" { end -= 1 }
            while start < i, c[start] == "." { start += 1 }
            let host = c[(i + 1)..<end]
            // A domain's last label holds a letter (not `temp@38.5`).
            if start < i, let dot = host.lastIndex(of: "."), dot > i + 1, dot < end - 1, c[(dot + 1)..<end].contains(where: \.isLetter) {
                spans.append(IdentifierSpan(kind: .email, range: start..<end, canonical: String(c[start..<end]).lowercased()))
                i = end
            } else {
                i += 1
            }
        }
        return spans
    }

    /// An address said aloud: a word (or words joined by "punktum"/"dot"), the word for "@", then a domain of words
    /// joined by dot words with at least one dot ("anna punktum hansen snabel a gmail punktum com").
    func spokenEmails(_ tokens: [TextToken]) -> [IdentifierSpan] {
        var spans: [IdentifierSpan] = []
        var i = 1
        while i < tokens.count {
            guard let at = words.emailAt.first(where: { matches($0, tokens, at: i) }) else { i += 1; continue }
            func dot(_ k: Int) -> Bool { words.emailDot.contains(tokens[k].folded) }
            // The domain: a word, then (dot word)+.
            let first = i + at.count
            guard first < tokens.count, !dot(first), !dot(i - 1) else { i += 1; continue }
            var host = [tokens[first].folded]
            var end = first + 1
            while end + 1 < tokens.count, dot(end), !dot(end + 1) {
                host.append(tokens[end + 1].folded)
                end += 2
            }
            guard host.count >= 2 else { i += 1; continue }
            // The local part: a word, after (word dot)*.
            var start = i - 1
            var local = [tokens[start].folded]
            while start >= 2, dot(start - 1), !dot(start - 2) {
                local.insert(tokens[start - 2].folded, at: 0)
                start -= 2
            }
            let address = local.joined(separator: ".") + "@" + host.joined(separator: ".")
            spans.append(IdentifierSpan(kind: .email, range: tokens[start].range.lowerBound..<tokens[end - 1].range.upperBound, canonical: address))
            i = end
        }
        return spans
    }

    /// Whether the phrase's words stand at `tokens[at...]`.
    func matches(_ phrase: [String], _ tokens: [TextToken], at: Int) -> Bool {
        guard at >= 0, at + phrase.count <= tokens.count else { return false }
        for (k, word) in phrase.enumerated() where tokens[at + k].folded != word { return false }
        // A phrase of several words is matched only within one stretch of speech.
        for k in 1..<max(1, phrase.count) where !tokens[at + k].gap.allSatisfy({ $0.isWhitespace || $0 == "-" }) { return false }
        return true
    }

    /// Whether one of `cues` ends within `reach` words before `tokens[index]`.
    func cued(_ cues: [[String]], _ tokens: [TextToken], before index: Int) -> Bool {
        let from = max(0, index - words.cueReach)
        for start in from..<max(from, index) { for cue in cues where matches(cue, tokens, at: start) { return true } }
        return false
    }

    // MARK: Numbers

    /// CPR and telephone numbers in the runs of numbers (digits and number words) of the text.
    func numbers(_ tokens: [TextToken]) -> [IdentifierSpan] {
        var spans: [IdentifierSpan] = []
        var i = 0
        while i < tokens.count {
            guard isNumeral(tokens[i]) else { i += 1; continue }
            var j = i + 1
            while j < tokens.count, joins(tokens[j].gap) {
                if isNumeral(tokens[j]) { j += 1; continue }
                // A joiner inside a pair: "fire og tredive".
                if words.joiners.contains(tokens[j].folded), j + 1 < tokens.count, isDigitWord(tokens[j - 1]), isTens(tokens[j + 1]),
                   joins(tokens[j + 1].gap) {
                    j += 2; continue
                }
                break
            }
            let run = NumberRun(tokens: Array(tokens[i..<j]), words: words, plus: tokens[i].gap.last == "+",
                                cprCue: cued(words.cprCues, tokens, before: i), phoneCue: cued(words.phoneCues, tokens, before: i))
            spans += run.identifiers()
            i = j
        }
        return spans
    }

    /// Whether a gap keeps two numbers in one run: white space, a dash or a comma (and at most one of those).
    func joins(_ gap: String) -> Bool {
        let marks = gap.filter { !$0.isWhitespace }
        return marks.isEmpty || marks == "-" || marks == "–" || marks == ","
    }

    func isNumeral(_ t: TextToken) -> Bool {
        t.kind == .digits || words.digits[t.folded] != nil || words.pairs[t.folded] != nil || NumberRun.compound(t.folded, words) != nil
    }

    func isDigitWord(_ t: TextToken) -> Bool { words.digits[t.folded].map { $0 > 0 } ?? false }

    func isTens(_ t: TextToken) -> Bool { words.pairs[t.folded].map { $0 >= 20 && $0 % 10 == 0 } ?? false }

    // MARK: Names

    /// Listed first names; one of the capitalised list only when written with a capital not at a sentence's start, or
    /// shortly after a name cue.
    func names(_ free: [TextToken], in all: [TextToken], characters: [Character]) -> [IdentifierSpan] {
        var spans: [IdentifierSpan] = []
        for token in free where token.kind == .word {
            if words.names.contains(token.folded) {
                spans.append(IdentifierSpan(kind: .name, range: token.range, canonical: token.folded))
            } else if words.namesCapitalised.contains(token.folded) {
                let index = all.firstIndex { $0.range == token.range } ?? 0
                let capital = token.text.first?.isUppercase ?? false
                let sentenceStart = index == 0 || all[index].gap.contains { ".!?:\n".contains($0) }
                if (capital && !sentenceStart) || cued(words.nameCues, all, before: index) || (index > 0 && capital && isName(all[index - 1])) {
                    spans.append(IdentifierSpan(kind: .name, range: token.range, canonical: token.folded))
                }
            }
        }
        return spans
    }

    func isName(_ t: TextToken) -> Bool { words.names.contains(t.folded) }
}
