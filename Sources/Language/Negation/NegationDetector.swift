/// NegEx for Danish and English: a negation trigger before a finding (within a few words, not across
/// a clause boundary) or a trailing "… har jeg ikke" denies it; hedges make it uncertain. Triggers inside
/// the matched phrase itself do not count, so "jeg kan ikke mærke barnet" stays a positive finding.
public enum NegationDetector {
    static let preTriggers: [String: [[String]]] = [
        "da": [["ingen"], ["ikke"], ["intet"], ["uden"], ["aldrig"], ["hverken"], ["ingenting"], ["ej"]],
        "en": [["no"], ["not"], ["never"], ["without"], ["denies"], ["none"], ["neither"], ["nor"], ["nothing"], ["any", "sign", "of"]],
    ]
    /// Phrases that look like negation but are not ("ikke kun", "not only").
    static let pseudoTriggers: [String: [[String]]] = [
        "da": [["ikke", "kun"], ["ikke", "bare"], ["ikke", "blot"], ["ikke", "sikker"], ["ikke", "længere"], ["ikke", "mere", "end"],
               ["ikke", "stoppe"], ["ikke", "holde", "op"], ["ikke", "lade", "være"], ["ikke", "holde", "noget"]],
        "en": [["not", "only"], ["not", "just"], ["not", "sure"], ["no", "longer"], ["not", "anymore"], ["no", "more", "than"],
               ["can't", "stop"], ["cannot", "stop"], ["can't", "keep"], ["won't", "stop"], ["not", "stop"]],
    ]
    static let uncertaintyTriggers: [String: [[String]]] = [
        "da": [["måske"], ["muligvis"], ["ved", "ikke", "om"], ["i", "tvivl"], ["ikke", "sikker"], ["tror", "ikke"], ["usikker"], ["om", "det", "er"]],
        "en": [["maybe"], ["possibly"], ["not", "sure"], ["don't", "know", "if"], ["might"], ["unsure"], ["wondering", "if"], ["whether"]],
    ]
    /// Words that end a negation's scope.
    static let boundaryWords: Set<String> = ["men", "but", "however", "selvom", "although", "though", "except", "undtagen", "bortset"]
    /// Words that open a relative clause after a comma (Danish "der" also says "there is": a comma before it still
    /// ends the clause, unless what it refers to was just denied).
    static let relatives: Set<String> = ["der", "som", "that", "which", "who"]
    static let pronouns: Set<String> = ["jeg", "hun", "han", "det", "vi", "der", "i", "she", "he", "it", "we", "they", "there"]

    /// Scots and Northern negations ("I cannae feel him").
    static let scotsNegations: Set<String> = ["nae", "cannae", "canna", "cannot", "dinnae", "didnae", "havenae", "hasnae", "isnae", "wasnae", "wouldnae", "ain't", "aint"]

    /// How far before a finding a trigger still reaches.
    static let scope = 5

    /// The polarity of the phrase at `span` in `tokens`.
    /// With `phrase`, a negation inside the matched words that the phrase itself lacks denies it too
    /// ("vandet er ikke gået" for "vandet er gået").
    public static func polarity(of span: Range<Int>, in tokens: [Token], language: String, phrase: String? = nil) -> Polarity {
        let base = polarityBefore(span, in: tokens, language: language)
        guard base == .present else { return base }
        if let phrase {
            let own = Set(phrase.lowercased().split(separator: " ").map(String.init))
            if tokens[span].contains(where: { isTrigger($0.text, language: language) && !own.contains($0.text) }) { return .denied }
        }
        // She asks the woman the midwife's question and answers it: "har du ondt i maven nej siger hun",
        // "sofie er vandet gået hun ryster på hovedet nej".
        if let answer = echoedAnswer(to: span, in: tokens, language: language) { return answer }
        // A telegraphic answer with the no after the word: "Headache no.", "Blod, nej." (not "no more").
        var after = span.upperBound
        if after < tokens.count, tokens[after].text == "," { after += 1 }
        if after < tokens.count, ["no", "nej", "nope", "nix"].contains(tokens[after].text),
           after + 1 == tokens.count || tokens[after + 1].kind == .punctuation {
            return .denied
        }
        // Telegraphic notes: "blødn -", "vand ÷": the sign with nothing after it in its clause.
        if span.upperBound < tokens.count, ["-", "÷", "neg", "negativ"].contains(tokens[span.upperBound].text),
           span.upperBound + 1 == tokens.count || tokens[span.upperBound + 1].kind == .punctuation {
            return .denied
        }
        // "Blod? Nej nej.": she repeats the word as a question and answers it ("Blod? Nej … jo, masser" stands).
        if span.upperBound + 1 < tokens.count, tokens[span.upperBound].text == "?" {
            switch Answer.read(Array(tokens[(span.upperBound + 1)..<min(tokens.count, span.upperBound + 1 + Sentences.reach)])) {
            case .no: return .denied
            case .unsure: return .uncertain
            case .yes, nil: break
            }
        }
        return .present
    }

    /// The answer to a question the caller's side repeats at the start of its turn (a verb before its subject, at most
    /// three words of address before it) when a plain yes or no follows the asked words within six: `.denied` for a no.
    static func echoedAnswer(to span: Range<Int>, in tokens: [Token], language: String) -> Polarity? {
        let verbs = Utterance.questionVerbs[language] ?? [], subjects = Utterance.questionSubjects[language] ?? []
        let start = max(0, span.lowerBound - 4)
        // "har du ondt …", "er vandet gået …", or "any blood or water …" after a name or two.
        let asksAt = (start..<min(span.lowerBound + 1, tokens.count - 1)).first { verbs.contains(tokens[$0].text) && subjects.contains(tokens[$0 + 1].text) }
            ?? (start..<span.lowerBound).first { ["any", "noget", "nogen"].contains(tokens[$0].text) }
        guard let asks = asksAt, asks <= 3, tokens[0..<asks].allSatisfy({ $0.isWord }) else { return nil }
        for k in span.upperBound..<min(tokens.count, span.upperBound + 6) {
            if tokens[k].kind == .punctuation, tokens[k].text != "," { return nil }
            if Answer.noWords.contains(tokens[k].text) {
                // "… nej jo lidt": a correction after the no leaves the finding standing.
                let rest = tokens[(k + 1)..<min(tokens.count, k + 3)].map(\.text)
                return rest.contains(where: { Answer.corrections.contains($0) || $0 == "jo" }) ? nil : .denied
            }
        }
        return nil
    }

    /// Words that make what follows in the clause a condition or a supposition, not something that happened.
    static let hypotheticalTriggers: [String: [[String]]] = [
        "da": [["hvis"], ["i", "tilfælde"], ["medmindre"], ["skulle", "det"], ["hvad", "nu", "hvis"], ["for", "det", "tilfælde"]],
        "en": [["if"], ["in", "case"], ["unless"], ["what", "if"], ["should", "i", "ever"], ["supposing"]],
    ]

    /// Whether the phrase at `span` is only supposed ("hvis jeg begynder at bløde", "if she stops moving").
    public static func isHypothetical(_ span: Range<Int>, in tokens: [Token], language: String) -> Bool {
        let start = clauseStart(before: span.lowerBound, in: tokens)
        let words = tokens[max(start, span.lowerBound - 6)..<span.lowerBound].map(\.text)
        return WordSequence.first(of: hypotheticalTriggers[language] ?? [], in: Array(words)) != nil
    }

    public static func polarityBefore(_ span: Range<Int>, in tokens: [Token], language: String) -> Polarity {
        let start = clauseStart(before: span.lowerBound, in: tokens)
        let window = Array(tokens[max(start, span.lowerBound - scope)..<span.lowerBound])
        let words = window.map(\.text)
        if WordSequence.first(of: uncertaintyTriggers[language] ?? [], in: words) != nil { return .uncertain }
        var negated = false
        for (i, w) in words.enumerated() where isTrigger(w, at: i, in: words, language: language) {
            // A pseudo-negation may reach past the window into the phrase ("can't stop being sick").
            let following = words[i...] + tokens[span].map(\.text)
            negated = !(pseudoTriggers[language] ?? []).contains { seq in Array(following.prefix(seq.count)) == seq }
            if negated, ownNegationsInList(trigger: max(start, span.lowerBound - scope) - start + i, in: tokens[start..<span.lowerBound].map(\.text)) {
                negated = false
            }
            if negated { break }
        }
        if !negated { negated = trailingNegation(after: span, in: tokens, language: language) }
        if !negated, language == "da" { negated = postVerbalNegation(after: span, in: tokens) }
        // "Nej blod. Nej vand.": a bare "nej" that starts the clause right before the word, as callers with little Danish
        // say it (not "åh nej, blodet løber").
        if !negated, language == "da", span.lowerBound >= 1, tokens[span.lowerBound - 1].text == "nej",
           span.lowerBound - 1 == start || span.lowerBound >= 2 && tokens[span.lowerBound - 2].kind == .punctuation && tokens[span.lowerBound - 2].text != "," {
            negated = true
        }
        return negated ? .denied : .present
    }

    /// "No bleeding, no tightenings, baby's kicking": when the items of a list each carry their own negation, an item
    /// after them without one is not denied by them (while "no bleeding, pain or fever" denies all three). `clause` is
    /// the clause's words before the word; `trigger` the index of the negation found in it.
    static func ownNegationsInList(trigger: Int, in clause: [String]) -> Bool {
        guard trigger >= 0, trigger < clause.count, let lastComma = clause.lastIndex(of: ","), lastComma > trigger else { return false }
        let item = clause[(lastComma + 1)...]
        guard !item.isEmpty, !item.contains(where: { isListNegation($0) }) else { return false }
        // The negation starts an item of its own after a comma, or a later item has its own.
        let startsItem = trigger > 0 && clause[trigger - 1] == ","
        let another = clause.indices.contains { k in k > trigger && k < lastComma && clause[k] == "," && isListNegation(clause[k + 1]) }
        return startsItem || another
    }

    static func isListNegation(_ word: String) -> Bool {
        ["no", "not", "nor", "ingen", "ikke", "intet", "never", "aldrig"].contains(word) || word.hasSuffix("n't")
    }

    /// Whether a single word is a negation trigger in `language` ("ikke", "no", "can't").
    public static func isTrigger(_ word: String, language: String) -> Bool {
        isTrigger(word, at: 0, in: [word], language: language)
    }

    static func isTrigger(_ word: String, at index: Int, in words: [String], language: String) -> Bool {
        if language == "en", word.hasSuffix("n't") || NegationDetector.scotsNegations.contains(word) { return true }
        return (preTriggers[language] ?? []).contains { seq in Array(words[index...].prefix(seq.count)) == seq }
    }

    /// "Blødning har jeg ikke", "fever she hasn't had": a verb, a pronoun and a negation right after.
    static func trailingNegation(after span: Range<Int>, in tokens: [Token], language: String) -> Bool {
        let after = tokens[span.upperBound...].prefix(3).prefix { $0.kind != .punctuation }.map(\.text)
        guard after.count >= 2 else { return false }
        let verbs: Set<String> = ["har", "er", "gør", "havde", "var", "mærker", "has", "have", "had", "is", "was", "does", "did"]
        guard verbs.contains(after[0]) else { return false }
        return after.dropFirst().contains { $0 == "ikke" || $0 == "not" || $0.hasSuffix("n't") }
    }

    /// Words after "ikke" that make it a matter of degree or of time, not a denial: "bløder ikke meget" (she
    /// bleeds), "bløder ikke længere" (she bled: a stopped symptom that was never checked still counts).
    static let degreeAfterNegation: Set<String> = ["meget", "så", "særlig", "særligt", "voldsomt", "kraftigt", "rigtig", "rigtigt", "længere",
                                                   "mere", "helt", "bare", "kun", "lige", "altid", "nær", "ret", "synderligt", "vildt", "nu", "som", "ligesom", "før"]

    /// Danish puts "ikke" after the verb of a main clause: "jeg bløder ikke", "det siver ikke, tror jeg". Not the tag
    /// question "… ikke?" ("det er blod, ikke?"), nor an "ikke" that ends the turn where a recogniser left out the
    /// question mark: unsure, it stays a finding.
    static func postVerbalNegation(after span: Range<Int>, in tokens: [Token]) -> Bool {
        guard span.upperBound + 1 < tokens.count, ["ikke", "aldrig"].contains(tokens[span.upperBound].text) else { return false }
        let next = tokens[span.upperBound + 1].text
        return next != "?" && !degreeAfterNegation.contains(next)
    }

    /// Index of the first token of the clause holding `index`: after the last sentence mark, boundary
    /// word ("men", "but"), or "og"/"and" that starts a new clause with a pronoun.
    static func clauseStart(before index: Int, in tokens: [Token]) -> Int {
        var i = index - 1
        while i >= 0 {
            let t = tokens[i]
            if t.kind == .punctuation, t.text != "," { return i + 1 }
            // ", det er klart": a comma and a new subject start a new clause, except after a verb that lends its
            // negation to the clause ("jeg synes ikke, han sparker så meget").
            if t.text == ",", i + 1 < index, pronouns.contains(tokens[i + 1].text) || relatives.contains(tokens[i + 1].text) {
                let raising = i >= 2 && ["ikke", "not"].contains(tokens[i - 1].text) && ["synes", "tror", "mener", "think", "feel"].contains(tokens[i - 2].text)
                // "ikke noget, der kommer og går", "det er ikke veer, der …", "nothing that …": the relative clause
                // belongs to the denied word before the comma.
                let deniedAntecedent = relatives.contains(tokens[i + 1].text) && i >= 1
                    && (["intet", "ingenting", "nothing"].contains(tokens[i - 1].text) || i >= 2 && ["ikke", "not", "no", "ingen"].contains(tokens[i - 2].text))
                if !raising && !deniedAntecedent { return i + 1 }
            }
            if boundaryWords.contains(t.text) { return i + 1 }
            if (t.text == "og" || t.text == "and"), i + 1 < index, pronouns.contains(tokens[i + 1].text) { return i + 1 }
            // "det er ikke klart det er mørkegrønt": without the comma a recogniser leaves out, "det er" / "it is" after a
            // denied word starts a new clause; not right after the negation or a word that joins a clause to it ("ikke
            // sådan at det er vandet").
            if ["det", "it"].contains(t.text), i + 1 < index, ["er", "var", "is", "was"].contains(tokens[i + 1].text), i >= 2,
               !["ikke", "not", "no", "ingen", "aldrig", "never", "at", "that", "om", "if", "fordi", "because", "hvis", "når", "som"]
                   .contains(tokens[i - 1].text),
               tokens[max(0, i - 4)..<(i - 1)].contains(where: { ["ikke", "not", "no", "ingen", "aldrig", "never"].contains($0.text) }) {
                return i
            }
            i -= 1
        }
        return 0
    }
}
