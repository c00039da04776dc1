/// What happened to someone else is not her finding: "min søster fødte i sidste uge, og hun blødte rigtig meget",
/// "my friend's baby stopped moving at thirty-four weeks last year". A phrase tells another person's story when its
/// sentence names a friend or relative and a time in the past, the phrase (or a word just before it) is told in the past tense, and its
/// clause has no "jeg"/"I" and no "now". So "I'm calling for my sister, she's bleeding" stays the woman's, as does
/// "my sister had her baby last week and now she's bleeding".
public enum OtherPersonsStory {
    /// Other people whose births and losses callers tell of.
    static let others: Set<String> = [
        "søster", "søsters", "veninde", "veninder", "venindes", "kollega", "kollegas", "nabo", "naboen", "svigerinde", "kusine", "bekendt",
        "friend", "friend's", "friends", "sister", "sister's", "cousin", "cousin's", "colleague", "colleague's", "neighbour", "neighbor", "neighbour's",
        "mate", "mate's",
    ]
    /// Words that put the sentence in the past.
    static let past: [[String]] = [
        ["sidste", "uge"], ["sidste", "år"], ["sidste", "måned"], ["år", "siden"], ["dengang"], ["i", "fjor"], ["fødte"], ["mistede"],
        ["last", "year"], ["last", "week"], ["last", "month"], ["years", "ago"], ["back", "then"], ["lost"], ["gave", "birth"],
    ]
    /// Words that make a clause hers or the present's.
    static let herselfOrNow: Set<String> = ["jeg", "i", "i'm", "i've", "im", "ive", "nu", "now"]
    /// Past forms that do not end as regular ones do.
    static let irregularPast: Set<String> = ["bled", "lost", "went", "had", "was", "were", "havde", "var", "fik", "got", "felt", "fell", "faldt", "skulle",
                                             "måtte", "needed"]

    /// Whether the phrase at `span` belongs to another person's story told in its sentence.
    public static func told(_ span: Range<Int>, in tokens: [Token]) -> Bool {
        guard !span.isEmpty, span.upperBound <= tokens.count else { return false }
        let sentence = Sentences.around(span.lowerBound, in: tokens)
        let words = tokens[sentence].map(\.text)
        guard words.contains(where: { others.contains($0) }), WordSequence.first(of: past, in: words) != nil else { return false }
        let before = tokens[max(0, span.lowerBound - 3)..<span.lowerBound].map(\.text)
        let pastTense = (before + tokens[span].map(\.text)).contains { w in
            irregularPast.contains(w) || w.count > 4 && (w.hasSuffix("ed") || w.hasSuffix("te") || w.hasSuffix("de"))
        }
        guard pastTense else { return false }
        let clause = NegationDetector.clauseStart(before: span.lowerBound, in: tokens)
        return !tokens[max(clause, sentence.lowerBound)..<span.upperBound].contains { herselfOrNow.contains($0.text) }
    }
}
