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
    /// Words that open the relative clause of a cleft sentence after "det er det" / "it is" ("det er det, der …").
    static let cleftWords: Set<String> = ["der", "som", "that", "which", "who", "what"]
    /// Words that turn an earlier answer round ("nej … jo", "no, actually yes").
    static let corrections: Set<String> = ["jo", "actually", "faktisk", "undskyld", "sorry", "rettere", "wait", "vent"]

    /// Verbs that relay the woman's answer ("hun siger ja", "she says no").
    static let relays: Set<String> = ["siger", "sagde", "råber", "nikker", "ryster", "says", "said", "shouts", "nods", "shakes"]

    /// Whether the words hedge ("det tror jeg ikke", "I didn't hit my bump, I don't think", "måske"): a denial said so
    /// leaves the finding open where a rule asks for a plain denial.
    public static func isHedged(_ tokens: [Token]) -> Bool {
        WordSequence.first(of: hedgesAndHedgedDenials, in: tokens.filter(\.isWord).map(\.text)) != nil
    }

    /// The hedges, and the denials that only think so ("I don't think", "jeg tror ikke").
    static let hedgesAndHedgedDenials: [[String]] = hedges + [["don't", "think"], ["tror", "ikke"], ["tror", "det", "ikke"]]

    /// The answer the words of `tokens` give, or `nil` when the turn is no answer to a yes-or-no question.
    /// Of several sentences, the last plain answer counts ("Jeg har ikke kigget. Vent. Nej, ikke noget."), a hedge
    /// after it makes it unsure ("Ja. Tror jeg."), and "lidt" or "a bit" counts only where nothing plainer is said.
    public static func read(_ tokens: [Token]) -> Answer? {
        let read = Sentences.ranges(tokens).map { readSentence(Array(tokens[$0])) }
        guard let plain = read.lastIndex(where: { $0?.plain == true }), let answer = read[plain]?.answer else {
            return read.last { $0 != nil }??.answer
        }
        // "Ja. Tror jeg.", "No. I don't know, maybe.": a hedge right after the answer leaves it open, the safer reading
        // (not one sentences later about something else: "No! He's moving loads. I counted ten. I don't know if that's too many").
        if answer != .unsure, plain + 1 < read.count, read[plain + 1]?.answer == .unsure { return .unsure }
        return answer
    }

    /// One sentence's answer, and whether it is plain (a yes, a no, a denial) rather than only an amount or a hedge.
    static func readSentence(_ tokens: [Token]) -> (answer: Answer, plain: Bool)? {
        var words = tokens.filter(\.isWord).map(\.text)
        // "Hun siger ja", "she says no": the relayed answer.
        if words.count >= 3, relays.contains(words[1]), yesWords.contains(words[2]) || noWords.contains(words[2]) { words = Array(words[2...]) }
        guard let first = words.first else { return nil }
        let hedged = WordSequence.first(of: hedges, in: words) != nil
        let ends = tokens.last { $0.kind == .punctuation }?.text == "?"
        // "Nej … jo, lidt", "no, actually yes a bit": the correction wins.
        if noWords.contains(first), let turn = words.dropFirst().firstIndex(where: { corrections.contains($0) || yesWords.contains($0) && $0 != "right" }) {
            let rest = Array(words[turn...])
            // Not "Nej, faktisk ikke", "no, actually not": a correction that is itself negated confirms the no.
            let negated = rest.contains { ["ikke", "not", "no", "nej", "never", "aldrig"].contains($0) || $0.hasSuffix("n't") }
            if WordSequence.first(of: denials, in: rest) == nil, !negated { return (hedged ? .unsure : .yes, true) }
        }
        if noWords.contains(first) { return (.no, true) }
        if yesWords.contains(first) {
            // "Ja, det tror jeg ikke", "yeah, I don't think so": a hedged no is still a no.
            if WordSequence.first(of: [["tror", "det", "ikke"], ["tror", "jeg", "ikke"], ["don't", "think", "so"]], in: words) != nil { return (.no, true) }
            return (hedged || ends ? .unsure : .yes, true)
        }
        if WordSequence.first(of: [["don't", "think", "so"], ["tror", "det", "ikke"], ["tror", "jeg", "ikke"], ["det", "tror", "jeg", "ikke"]], in: words) != nil {
            return (.no, true)
        }
        if hedged { return (.unsure, false) }
        // "It hasn't stopped", "nothing helps", "det går ikke over": a negation of the relief, not of the symptom.
        let relief = ["stop*", "help*", "eas*", "gone", "go", "stopp*", "hjælp*", "over", "væk", "letter", "better", "bedre", "slow*"]
        if let d = WordSequence.first(of: denials, in: words), d.lowerBound <= 2 {
            if WordSequence.first(of: relief.map { [$0] }, in: Array(words[d.upperBound...])) != nil { return nil }
            return (.no, true)
        }
        // "Det er det" answers; "det er det, der er så underligt" only starts a cleft sentence.
        if let a = WordSequence.first(of: affirmations, in: words), a.lowerBound <= 2, !(words.indices.contains(a.upperBound) && cleftWords.contains(words[a.upperBound])) {
            return (ends ? .unsure : .yes, true)
        }
        if let a = WordSequence.first(of: amountYes, in: words), a.lowerBound <= 1 { return (ends ? .unsure : .yes, false) }
        // "Ikke …", "not …", "never": a no as well.
        if ["ikke", "not", "never", "aldrig"].contains(first) { return (.no, true) }
        return nil
    }
}
