/// The sentences of a turn's tokens: runs that end in ".", "?" or "!" (commas do not end one).
public enum Sentences {
    /// Whether a token ends a sentence.
    public static func ends(_ token: Token) -> Bool { token.kind == .punctuation && [".", "?", "!"].contains(token.text) }

    /// Each sentence's tokens, its closing mark included; a last sentence without one runs to the end.
    public static func ranges(_ tokens: [Token]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        for (i, t) in tokens.enumerated() where ends(t) {
            out.append(start..<(i + 1))
            start = i + 1
        }
        if start < tokens.count { out.append(start..<tokens.count) }
        return out
    }

    /// How many tokens a sentence reaches on either side of a word at most. A recogniser's text has no full stops,
    /// so its "sentence" is the whole turn: the reach keeps what counts as the same sentence to what a speaker says
    /// in one breath, and reading a long turn linear in its length.
    public static let reach = 40

    /// The sentence around token `index`, without its closing mark, at most `reach` tokens either side of it.
    public static func around(_ index: Int, in tokens: [Token]) -> Range<Int> {
        span(around: index, in: tokens, endingAt: ends)
    }

    /// The stretch around token `index` between marks other than a comma ("…", ";", ":" end it too), at most
    /// `reach` tokens either side: where a stated fact's cue words ("varer", "hver") are looked for.
    public static func phrase(around index: Int, in tokens: [Token]) -> Range<Int> {
        span(around: index, in: tokens) { $0.kind == .punctuation && $0.text != "," }
    }

    static func span(around index: Int, in tokens: [Token], endingAt end: (Token) -> Bool) -> Range<Int> {
        var a = index, b = index
        while a > 0, index - a < reach, !end(tokens[a - 1]) { a -= 1 }
        while b < tokens.count, b - index < reach, !end(tokens[b]) { b += 1 }
        return a..<b
    }
}
