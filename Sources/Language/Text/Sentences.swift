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

    /// The sentence around token `index`, without its closing mark.
    public static func around(_ index: Int, in tokens: [Token]) -> Range<Int> {
        var a = index, b = index
        while a > 0, !ends(tokens[a - 1]) { a -= 1 }
        while b < tokens.count, !ends(tokens[b]) { b += 1 }
        return a..<b
    }
}
