/// What kind of thing a turn says, for linking a midwife's question with the caller's answer.
public enum Utterance {
    public static let questionStarts: [String: Set<String>] = [
        "da": ["har", "er", "kan", "bløder", "mærker", "føler", "hvor", "hvordan", "hvilken", "hvilke", "hvad", "hvornår",
               "hvem", "ser", "kommer", "varer", "sparker", "bevæger", "går", "føles", "fik", "fandt", "gør", "tisser", "lugter"],
        "en": ["have", "has", "are", "is", "do", "does", "did", "can", "could", "any", "how", "what", "when", "which", "who",
               "were", "was", "will", "would"],
    ]

    /// Whether the turn asks something: it ends in "?" or starts with a question word.
    public static func isQuestion(_ tokens: [Token], language: String) -> Bool {
        if tokens.contains(where: { $0.kind == .punctuation && $0.text == "?" }) { return true }
        guard let first = tokens.first(where: { $0.kind == .word }) else { return false }
        return (questionStarts[language] ?? []).contains(first.text) && tokens.count <= 14
    }

    /// The sentences of a turn that are questions (token ranges ending in "?"); a turn without any "?"
    /// that starts with a question word is one question.
    public static func questionSpans(_ tokens: [Token]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var start = 0
        for (i, t) in tokens.enumerated() where t.kind == .punctuation && [".", "?", "!"].contains(t.text) {
            if t.text == "?" { spans.append(start..<i) }
            start = i + 1
        }
        return spans
    }

    /// A bare yes or no at the start of an answer: `true` yes, `false` no, `nil` neither or unsure.
    public static func answer(_ tokens: [Token]) -> Bool? {
        switch Answer.read(tokens) {
        case .yes: return true
        case .no: return false
        case .unsure, nil: return nil
        }
    }
}
