/// How a caller's turn answers a yes-or-no question, read as a midwife reads it: a hedge is never a
/// denial, and a later correction wins ("nej … jo, lidt").
public enum Answer: Sendable, Equatable {
    case yes
    case no
    /// "Det ved jeg ikke", "måske lidt", "I'm not sure", "I think so?": the finding stays possible.
    case unsure

    public static let yesWords: Set<String> = ["ja", "jo", "jah", "jep", "jamen", "jaja", "yes", "yeah", "yep", "yup", "ye", "aye", "correct", "right",
                                        "indeed", "definitely", "absolutely", "sure", "uhum", "mhm", "mm"]
    public static let noWords: Set<String> = ["nej", "næ", "nææ", "nope", "no", "nah", "nix", "nej-nej"]
    /// A small amount is a yes ("Bløder du?" — "Lidt").
    static let amountYes: [[String]] = [["lidt"], ["en", "smule"], ["a", "bit"], ["a", "little"], ["a", "wee", "bit"], ["slightly"], ["somewhat"],
                                        ["sometimes"], ["nogle", "gange"], ["af", "og", "til"], ["now", "and", "then"], ["a", "small", "bit"]]
    /// Hedges: the caller does not know, or only thinks so.
    static let hedges: [[String]] = [
        ["ved", "ikke"], ["ved", "det", "ikke"], ["ikke", "sikker"], ["usikker"], ["måske"], ["muligvis"], ["kan", "godt", "være"], ["kan", "være"],
        ["tror", "det"], ["tror", "jeg"], ["svært", "at", "sige"], ["aner", "det", "ikke"], ["aner", "ikke"], ["har", "ikke", "tjekket"], ["har", "ikke", "kigget"],
        ["ikke", "lagt", "mærke"], ["i", "tvivl"], ["vist", "nok"], ["lidt", "usikker"], ["det", "ved", "jeg", "ikke"], ["kan", "ikke", "sige"],
        ["not", "sure"], ["unsure"], ["don't", "know"], ["dunno"], ["maybe"], ["perhaps"], ["possibly"], ["might"], ["think", "so"], ["i", "guess"],
        ["kind", "of"], ["sort", "of"], ["hard", "to", "say"], ["haven't", "checked"], ["haven't", "looked"], ["no", "idea"], ["can't", "tell"],
        ["couldn't", "say"], ["not", "really", "sure"], ["could", "be"], ["i", "suppose"], ["not", "noticed"], ["haven't", "noticed"],
    ]
    /// A denial said without "no": "det gør jeg ikke", "I haven't", "not really".
    static let denials: [[String]] = [
        ["ikke", "rigtig"], ["ikke", "endnu"], ["ikke", "noget"], ["ikke", "nogen"], ["slet", "ikke"], ["overhovedet", "ikke"], ["aldrig"], ["ingen"],
        ["intet"], ["gør", "jeg", "ikke"], ["har", "jeg", "ikke"], ["er", "det", "ikke"], ["er", "jeg", "ikke"], ["det", "har", "hun", "ikke"],
        ["not", "really"], ["not", "yet"], ["not", "at", "all"], ["never"], ["none"], ["nothing"], ["i", "haven't"], ["i", "don't"], ["i'm", "not"],
        ["it", "isn't"], ["it's", "not"], ["she", "hasn't"], ["she", "isn't"], ["she", "doesn't"], ["hasn't"], ["haven't"], ["don't", "think", "so"],
        ["tror", "det", "ikke"], ["tror", "jeg", "ikke"], ["det", "tror", "jeg", "ikke"], ["not", "that", "i've", "noticed"], ["not", "as", "far"],
    ]
    /// A yes said without "ja": "det gør jeg", "I have", "it is".
    static let affirmations: [[String]] = [
        ["det", "gør", "jeg"], ["det", "har", "jeg"], ["det", "er", "det"], ["det", "gør", "hun"], ["det", "har", "hun"], ["det", "er", "der"],
        ["i", "have"], ["i", "am"], ["i", "do"], ["it", "is"], ["she", "is"], ["she", "has"], ["she", "does"], ["there", "is"], ["they", "are"],
    ]
    /// Words that turn an earlier answer round ("nej … jo", "no, actually yes").
    static let corrections: Set<String> = ["jo", "actually", "faktisk", "undskyld", "sorry", "rettere", "wait", "vent"]

    /// The answer the words of `tokens` give, or `nil` when the turn is no answer to a yes-or-no question. Of several
    /// sentences, the last that answers counts ("Jeg har ikke kigget. Vent. Nej, ikke noget.").
    public static func read(_ tokens: [Token]) -> Answer? {
        var sentences: [[Token]] = [[]]
        for t in tokens {
            sentences[sentences.count - 1].append(t)
            if t.kind == .punctuation, [".", "!", "?"].contains(t.text) { sentences.append([]) }
        }
        let answers = sentences.filter { !$0.isEmpty }.map(readSentence)
        // "Blod? Nej nej.": a sentence that only repeats the question does not answer it.
        return answers.last { $0 != nil } ?? nil
    }

    static func readSentence(_ tokens: [Token]) -> Answer? {
        let words = tokens.filter(\.isWord).map(\.text)
        guard let first = words.first else { return nil }
        let hedged = WordSequence.first(of: hedges, in: words) != nil
        let ends = tokens.last { $0.kind == .punctuation }?.text == "?"
        // "Nej … jo, lidt", "no, actually yes a bit": the correction wins.
        if noWords.contains(first), let turn = words.dropFirst().firstIndex(where: { corrections.contains($0) || yesWords.contains($0) && $0 != "right" }) {
            let rest = Array(words[turn...])
            if WordSequence.first(of: denials, in: rest) == nil { return hedged ? .unsure : .yes }
        }
        if noWords.contains(first) { return .no }
        if yesWords.contains(first) {
            // "Ja, det tror jeg ikke", "yeah, I don't think so": a hedged no is still a no.
            if WordSequence.first(of: [["tror", "det", "ikke"], ["tror", "jeg", "ikke"], ["don't", "think", "so"]], in: words) != nil { return .no }
            return hedged || ends ? .unsure : .yes
        }
        if WordSequence.first(of: [["don't", "think", "so"], ["tror", "det", "ikke"], ["tror", "jeg", "ikke"], ["det", "tror", "jeg", "ikke"]], in: words) != nil { return .no }
        if hedged { return .unsure }
        if let d = WordSequence.first(of: denials, in: words), d.lowerBound <= 2 { return .no }
        if let a = WordSequence.first(of: affirmations + amountYes, in: words), a.lowerBound <= 2 { return ends ? .unsure : .yes }
        // "Ikke …", "not …", "never": a no as well.
        if ["ikke", "not", "never", "aldrig"].contains(first) { return .no }
        return nil
    }
}
