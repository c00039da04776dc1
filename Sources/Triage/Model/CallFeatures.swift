import Language
import TriageCore

/// The features the reason model reads from a call: the caller's words (stems, word pairs and character
/// 4-grams, marked when a negation governs them), what the rules found (findings with their polarity,
/// reasons), binned facts, the question topics the midwife asked about, the language and the recording's
/// contraction-like episodes. Names are readable ("w:bløder", "f:vaginal_bleeding:denied") so a model's
/// weights can be read as evidence. The midwife's own words are left out: her advice must not teach the model.
enum CallFeatures {
    static func extract(_ turns: [TurnAnalysis], rules: Assessment, acoustic: Bool) -> Set<String> {
        var out = Set<String>()
        out.insert("lang:\(rules.language)")
        for turn in turns {
            if turn.isQuestion {
                for topic in QuestionTopic.topics(of: turn.tokens) { out.insert("q:\(topic.rawValue)") }
                continue
            }
            guard turn.isCallerSide else { continue }
            var negatedUntil = -1
            var previous: String?
            for (i, token) in turn.tokens.enumerated() {
                guard token.kind == .word else {
                    if token.kind == .punctuation { negatedUntil = -1; previous = nil }
                    continue
                }
                if NegationDetector.isTrigger(token.text, language: turn.language) { negatedUntil = i + 4 }
                let stem = (i <= negatedUntil && !NegationDetector.isTrigger(token.text, language: turn.language) ? "¬" : "") + token.stem
                out.insert("w:\(stem)")
                if let previous { out.insert("b:\(previous)_\(stem)") }
                previous = stem
                let letters = Array("<\(token.text)>")
                if letters.count >= 6 {
                    for start in 0...(letters.count - 4) { out.insert("c:\(String(letters[start..<(start + 4)]))") }
                }
            }
        }
        for f in rules.findings { out.insert("f:\(f.code):\(f.polarity.rawValue)") }
        for f in rules.denied { out.insert("f:\(f.code):denied") }
        for (i, r) in rules.reasons.enumerated() { out.insert(i == 0 ? "r1:\(r.code)" : "r:\(r.code)") }
        for flag in rules.redFlags { out.insert("flag:\(flag.code)") }
        for fact in rules.facts { out.formUnion(bins(fact)) }
        if acoustic { out.insert("a:episodes") }
        return out
    }

    /// A fact as a few coarse features ("x:gestational_week:37+", "x:fluid_colour:green").
    static func bins(_ fact: Assessment.FactValueWithEvidence) -> [String] {
        let name = "x:\(fact.name)"
        switch fact.value {
        case .boolean(let b): return ["\(name):\(b)"]
        case .text(let t): return ["\(name):\(t)"]
        case .integer, .number:
            guard let v = fact.value.numeric else { return [] }
            switch fact.name {
            case .gestationalWeek: return ["\(name):" + (v < 24 ? "<24" : v < 37 ? "24-36" : "37+")]
            case .contractionIntervalMin: return ["\(name):" + (v <= 3 ? "<=3" : v <= 5 ? "<=5" : v <= 10 ? "<=10" : ">10")]
            case .temperatureC: return ["\(name):" + (v >= 38 ? ">=38" : "<38")]
            case .bpSystolic, .bpDiastolic: return [name]
            case .daysPostpartum: return ["\(name):" + (v <= 7 ? "<=7" : ">7")]
            default: return [name]
            }
        }
    }
}
