/// A word or a run of digits in a text, with the characters before it that separate it from the previous one.
/// Letters and digits never share a token ("38uge" is two), and punctuation is never part of one.
struct TextToken: Sendable, Equatable {
    enum Kind: Sendable { case word, digits }
    var kind: Kind
    /// The token as written.
    var text: String
    /// In lower case, for matching against the word lists.
    var folded: String
    /// The token's characters, as offsets into the text's characters.
    var range: Range<Int>
    /// What stands between the previous token (or the text's start) and this one.
    var gap: String

    /// The tokens of `characters`.
    static func tokens(_ characters: [Character]) -> [TextToken] {
        var tokens: [TextToken] = []
        var i = 0, gapStart = 0
        while i < characters.count {
            let c = characters[i]
            let kind: Kind? = c.isNumber && c.isASCII ? .digits : (c.isLetter ? .word : nil)
            guard let kind else { i += 1; continue }
            var j = i + 1
            while j < characters.count, kind == .digits ? (characters[j].isNumber && characters[j].isASCII) : characters[j].isLetter { j += 1 }
            let text = String(characters[i..<j])
            tokens.append(TextToken(kind: kind, text: text, folded: text.lowercased(), range: i..<j, gap: String(characters[gapStart..<i])))
            gapStart = j
            i = j
        }
        return tokens
    }
}
