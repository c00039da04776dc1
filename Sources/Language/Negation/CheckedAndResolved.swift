/// The clinical convention for past events: a symptom that stopped but was never checked still counts; one that
/// was checked (at the hospital, by a doctor or midwife) and has not come back does not. `resolvedUpTo` finds, in a
/// caller's turn, a check and then a sign that the symptom has not returned, and returns the token index up to
/// which what she told is such a resolved event ("Jeg var inde i går, fordi jeg blødte. CTG var fin. Det er ikke
/// kommet igen. Men nu har jeg veer." — the bleeding is resolved, the contractions are not).
public enum CheckedAndResolved {
    static let checked: [[String]] = [
        ["var", "inde"], ["var", "oppe"], ["blev", "undersøgt"], ["undersøgte", "mig"], ["blev", "tjekket"], ["tjekkede", "mig"], ["ctg"],
        ["scanning*"], ["was", "seen"], ["were", "seen"], ["got", "checked"], ["they", "checked"], ["checked", "me"], ["was", "checked"],
        ["had", "a", "scan"], ["the", "scan"], ["came", "in", "yesterday"], ["went", "in"], ["been", "in"], ["lægen", "sagde"], ["the", "doctor", "said"],
        ["jordemoderen", "kiggede"], ["lægen", "kiggede"], ["the", "midwife", "looked"], ["midwife", "checked"], ["the", "doctor", "looked"],
        ["kiggede", "de", "på"], ["de", "kiggede", "på"], ["ambulatoriet"], ["hos", "min", "jordemoder"], ["hos", "jordemoderen"], ["hos", "lægen"],
        ["hos", "min", "læge"], ["målte", "blodtrykket"], ["målte", "mit", "blodtryk"], ["did", "the", "monitor"], ["on", "the", "monitor"],
        ["at", "my", "midwife's"], ["saw", "my", "midwife"], ["saw", "the", "doctor"], ["checked", "my", "blood", "pressure"],
    ]
    static let notBack: [[String]] = [
        ["ikke", "kommet", "igen"], ["ikke", "siden"], ["stoppet"], ["holdt", "op"], ["helt", "normal"], ["normal", "igen"], ["normalt", "igen"],
        ["hasn't", "come", "back"], ["not", "come", "back"], ["not", "since"], ["stopped"], ["back", "to", "normal"], ["normal", "again"],
        ["hasn't", "happened", "again"], ["ikke", "sket", "igen"], ["forsvandt"], ["gik", "væk", "igen"], ["went", "away"], ["gone", "away"],
        ["same", "as", "before"], ["ikke", "vendt", "tilbage"],
        ["everything", "is", "perfect"], ["everything", "was", "perfect"], ["everything", "was", "fine"], ["everything", "was", "normal"], ["all", "was", "fine"],
        ["alt", "var", "fint"], ["alt", "var", "normalt"], ["der", "var", "ingenting"], ["var", "helt", "fin"],
        ["det", "var", "fint"], ["var", "fint", "alt", "sammen"], ["it", "was", "fine"], ["they", "said", "it", "was", "fine"],
    ]
    /// Words after which the same sentence speaks of now again ("… og det var fint, men nu bløder jeg igen").
    static let nowAgain: Set<String> = ["men", "but", "nu", "now"]

    /// The index of the first token after a resolved past event in `tokens`, or `nil` when the turn tells none: the end
    /// of the last sentence after the check that says it has not come back, or a "but now" in such a sentence.
    public static func resolvedUpTo(in tokens: [Token]) -> Int? {
        let words = tokens.map(\.text)
        guard let check = WordSequence.first(of: checked, in: words) else { return nil }
        var resolved: Int?
        var from = check.lowerBound
        while from < words.count, let back = WordSequence.first(of: notBack, in: Array(words[from...])) {
            let backEnd = from + back.upperBound
            // A later "has not come back" extends the event only when nothing between speaks of now ("Nu bløder jeg, og det er ikke stoppet").
            // The first one likewise: "Jeg var inde i går, men nu bløder jeg, og det er ikke stoppet" resolves only what came before "men".
            let since = resolved ?? check.upperBound
            if since < from + back.lowerBound, let now = (since..<(from + back.lowerBound)).first(where: { nowAgain.contains(words[$0]) }) { return now }
            let sentenceEnd = Sentences.around(backEnd - 1, in: tokens).upperBound
            // "… og det var fint, men nu bløder jeg igen": what follows a "but now" is new, and so is the rest of the turn.
            if let now = (backEnd..<sentenceEnd).first(where: { nowAgain.contains(words[$0]) }) { return max(resolved ?? now, now) }
            resolved = sentenceEnd
            from = max(backEnd, sentenceEnd)
        }
        return resolved
    }
}
