import TriageCore

/// The facts the protocol still needs for the reasons found, as questions in the call's language:
/// the primary reason's most decisive facts first, and the baby's movements in any call from week 24. A question is
/// asked only while its fact is unknown and relevant: not once she denied what it is about ("Har du veer?" — "Nej":
/// no question how often), and under a disposition that names what it asks (112: what the ambulance needs) nothing
/// else. When the call says too little to recognise, the questions that rule out the red flags come first: every
/// finding with a question in the taxonomy that nobody has stated or denied.
enum QuestionPlanner {
    static func questions(taxonomy: Taxonomy, reasons: [Assessment.ReasonScore], facts: [Assessment.FactValueWithEvidence],
                          language: String, unrecognised: Bool = false, spoken: Set<String> = [], denied: Set<String> = [],
                          disposition: Disposition? = nil) -> [Assessment.Question] {
        let asks = disposition.flatMap { taxonomy.definition(of: $0)?.asks }
        let screening: [Assessment.Question] = unrecognised && asks == nil ? taxonomy.findings.compactMap { f in
            guard !spoken.contains(f.code), let q = f.question else { return nil }
            return Assessment.Question(finding: f.code, text: q.text(for: language))
        } : []
        let wanted = factQuestions(taxonomy: taxonomy, reasons: reasons, facts: facts, language: language).filter { q in
            guard let name = q.fact else { return true }
            if let about = taxonomy.fact(name)?.about, denied.contains(about) { return false }
            return asks.map { $0.contains(name) } ?? true
        }
        return screening + wanted
    }

    static func factQuestions(taxonomy: Taxonomy, reasons: [Assessment.ReasonScore], facts: [Assessment.FactValueWithEvidence],
                              language: String) -> [Assessment.Question] {
        let known = Set(facts.map(\.name))
        var wanted: [FactName] = []
        for reason in reasons { wanted += taxonomy.reason(reason.code)?.requiredFacts ?? [] }
        let postpartum = known.contains(.daysPostpartum)
        let week = facts.first { $0.name == .gestationalWeek }?.value.numeric
        if !postpartum, (week ?? 40) >= 24 { wanted.append(.fetalMovements) }
        if !postpartum, !wanted.isEmpty { wanted.insert(.gestationalWeek, at: min(1, wanted.count)) }
        var seen = Set<FactName>()
        return wanted.compactMap { name in
            guard !known.contains(name), seen.insert(name).inserted, let question = taxonomy.fact(name)?.question else { return nil }
            return Assessment.Question(fact: name, text: question.text(for: language))
        }
    }
}
