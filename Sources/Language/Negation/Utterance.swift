/// What kind of thing a turn says, for linking a midwife's question with the caller's answer.
public enum Utterance {
    public static let questionStarts: [String: Set<String>] = [
        "da": ["har", "er", "kan", "bløder", "mærker", "føler", "hvor", "hvordan", "hvilken", "hvilke", "hvad", "hvornår",
               "hvem", "ser", "kommer", "varer", "sparker", "bevæger", "går", "føles", "fik", "fandt", "gør", "tisser", "lugter"],
        "en": ["have", "has", "are", "is", "do", "does", "did", "can", "could", "any", "how", "what", "when", "which", "who",
               "were", "was", "will", "would"],
    ]

    /// Whether the turn asks something: it ends in "?" or starts with a question word.
    /// - Parameter byMidwife: the midwife's turn, where a recogniser's unpunctuated "… har du veer" asks too.
    public static func isQuestion(_ tokens: [Token], language: String, byMidwife: Bool = false) -> Bool {
        if tokens.contains(where: { $0.kind == .punctuation && $0.text == "?" }) { return true }
        guard let first = tokens.first(where: { $0.kind == .word }) else { return false }
        if (questionStarts[language] ?? []).contains(first.text) && tokens.count <= 14 { return true }
        // Without punctuation (a recogniser's transcript), a verb before its subject asks: "… har du veer", "are you feeling".
        // Only the midwife's turns: a caller's Danish "nu er det hvert femte minut" puts the verb first and states.
        guard byMidwife, !tokens.contains(where: { $0.kind == .punctuation }) else { return false }
        let words = tokens.filter(\.isWord).map(\.text)
        let verbs = questionVerbs[language] ?? [], subjects = questionSubjects[language] ?? []
        if zip(words, words.dropFirst()).contains(where: { verbs.contains($0) && subjects.contains($1) }) { return true }
        // "du har ikke haft feber", "you haven't bled": her state told back with a negation asks whether it holds.
        if words.count >= 3, ["du", "hun", "you", "she"].contains(words[0]), words[1...].prefix(3).contains(where: { ["ikke", "not", "haven't", "hasn't", "don't", "doesn't", "aren't", "isn't"].contains($0) }) {
            return true
        }
        // "klumper", "any clots", "blod": a word or two on its own, not an acknowledgement, asks about it.
        return !words.isEmpty && words.count <= 3 && !acknowledgements.contains(words[0])
    }

    /// What a midwife says to show she listens, not to ask.
    static let acknowledgements: Set<String> = ["okay", "ok", "ja", "jo", "nej", "mm", "mhm", "godt", "fint", "nå", "javel", "right", "yes", "no",
                                                "yeah", "fine", "good", "alright", "tak", "thanks", "hej", "hello", "hi", "fødemodtagelsen"]

    static let questionVerbs: [String: Set<String>] = [
        "da": ["har", "er", "kan", "bløder", "mærker", "føler", "kommer", "varer", "sparker", "bevæger", "går", "ser", "gør", "fik", "lugter", "tisser", "ammer",
               "skifter", "bliver", "løber", "siver", "drypper", "svier", "klør", "ryster", "fryser", "sveder", "tager", "måler", "blør", "kaster", "hoster"],
        "en": ["have", "has", "are", "is", "do", "does", "did", "can", "could", "were", "was", "will", "would"],
    ]
    static let questionSubjects: [String: Set<String>] = [
        "da": ["du", "hun", "han", "det", "der", "vandet", "barnet", "veerne", "de", "i", "maven", "blodet", "hovedet"],
        "en": ["you", "she", "he", "it", "there", "the", "your", "they", "baby"],
    ]

    /// The sentences of a turn that are questions (token ranges ending in "?"); a turn without any "?"
    /// that starts with a question word is one question.
    public static func questionSpans(_ tokens: [Token]) -> [Range<Int>] {
        Sentences.ranges(tokens).filter { tokens[$0.upperBound - 1].text == "?" && tokens[$0.upperBound - 1].kind == .punctuation }
            .map { $0.lowerBound..<($0.upperBound - 1) }
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
