import Language
import TriageCore

/// Finds what the caller states or denies: lexicon findings in her turns (negated, hedged, supposed or past),
/// and the findings a midwife's question names, answered by the caller's yes, no or "don't know".
/// Words in the midwife's questions are never findings by themselves.
enum FindingCollector {
    struct Collected {
        var evidence: [String: [Evidence]] = [:]
        /// Reason-lexicon matches in the caller's turns (not denied).
        var reasonEvidence: [String: [Evidence]] = [:]
    }

    /// What the midwife's last question asked about.
    struct Asked {
        var findings: [(code: String, evidence: Evidence)] = []
        /// Whether it offered alternatives ("Bløder du, eller har du ondt?").
        var alternatives = false
        /// A question about the baby's movements that names no finding ("Mærker du barnet, som du plejer?").
        var movements: Evidence?
        /// The findings the question names with a negation ("No bleeding?", "Er der ikke kommet vand?"): a plain "yes"
        /// to those says no more than that she heard it, a "jo" that it is there.
        var negated: Set<String> = []
    }

    /// Findings about the belly: a phrase of theirs said of the breast, the head or a leg is not theirs.
    static let bellyFindings: Set<String> = ["constant_pain", "abdominal_pain"]

    /// The finding an unsure answer to a question about the baby's movements leaves possible.
    static let possiblyReducedMovements = "reduced_movements"

    static func collect(_ turns: [TurnAnalysis], lexicons: LexiconSet) -> Collected {
        var collected = Collected()
        var asked = Asked()
        for turn in turns {
            if turn.isQuestion {
                asked = question(turn, lexicons: lexicons)
                continue
            }
            guard turn.isCallerSide else { continue }
            let stated = statements(in: turn, lexicons: lexicons, into: &collected)
            answer(turn, to: asked, stated: stated, into: &collected)
            asked = Asked()
        }
        return collected
    }

    /// The findings a question names; only its question sentences count ("Når veerne kommer så tit, skal du komme
    /// ind. Har du en bil?" asks about a car, not about contractions).
    static func question(_ turn: TurnAnalysis, lexicons: LexiconSet) -> Asked {
        let spans = Utterance.questionSpans(turn.tokens)
        let matched = (lexicons.findings[turn.language]?.matches(in: turn.tokens) ?? []).filter { m in
            spans.isEmpty || spans.contains { $0.contains(m.tokens.lowerBound) }
        }
        let findings = matched.map { ($0.code, turn.evidence($0.tokens, source: .questionAnswer, phrase: $0.phrase, code: $0.code)) }
        let movements = findings.isEmpty && QuestionTopic.topics(of: turn.tokens).contains(.fetalMovements)
            ? turn.evidence(0..<turn.tokens.count, source: .questionAnswer, code: possiblyReducedMovements) : nil
        let negated = Set(matched.filter { NegationDetector.polarity(of: $0.tokens, in: turn.tokens, language: turn.language, phrase: $0.phrase) == .denied }.map(\.code))
        return Asked(findings: findings, alternatives: turn.tokens.contains { ["eller", "or"].contains($0.text) }, movements: movements, negated: negated)
    }

    /// The findings and reasons the caller's own words state or deny; returns the finding codes she spoke of.
    static func statements(in turn: TurnAnalysis, lexicons: LexiconSet, into collected: inout Collected) -> Set<String> {
        var stated = Set<String>()
        let spans = Utterance.questionSpans(turn.tokens)
        let resolved = CheckedAndResolved.resolvedUpTo(in: turn.tokens)
        for m in lexicons.findingMatches(in: turn.tokens, language: turn.language) {
            // "Hvis jeg begynder at bløde, skal jeg så ringe?": only supposed; "sidste gang skulle jeg presse i bilen": another
            // birth; "min søster blødte meget bagefter": another woman.
            if NegationDetector.isHypothetical(m.tokens, in: turn.tokens, language: turn.language)
                || PastPregnancy.mentioned(around: m.tokens.lowerBound, in: turn.tokens) || OtherPersonsStory.told(m.tokens, in: turn.tokens)
                || FindingCollector.bellyFindings.contains(m.code) && BodySite.elsewhere(m.tokens, in: turn.tokens) { continue }
            var polarity = NegationDetector.polarity(of: m.tokens, in: turn.tokens, language: turn.language, phrase: m.phrase)
            // "Bløder du, skat? … Nej.": a partner relays the midwife's question and the answer follows in the same turn.
            if polarity == .present, let question = spans.first(where: { $0.contains(m.tokens.lowerBound) }), question.upperBound + 1 < turn.tokens.count,
               let after = Answer.read(Array(turn.tokens[(question.upperBound + 1)...])) {
                polarity = after == .no ? .denied : after == .unsure ? .uncertain : .present
            }
            // Checked and not come back: a past event, not a finding now.
            if let resolved, m.tokens.upperBound <= resolved, polarity != .denied { polarity = .denied }
            // A later denial in her own words takes back an earlier unsure answer ("Er der ikke kommet vand?" — "Ja." …
            // "Nej, nej, undskyld. Ikke vand.").
            if polarity == .denied { collected.evidence[m.code]?.removeAll { $0.source == .questionAnswer && $0.polarity == .uncertain } }
            collected.evidence[m.code, default: []].append(turn.evidence(m.tokens, phrase: m.phrase, polarity: polarity, code: m.code))
            stated.insert(m.code)
        }
        for m in lexicons.reasons[turn.language]?.matches(in: turn.tokens) ?? [] {
            let polarity = NegationDetector.polarity(of: m.tokens, in: turn.tokens, language: turn.language, phrase: m.phrase)
            if polarity != .denied {
                collected.reasonEvidence[m.code, default: []].append(turn.evidence(m.tokens, phrase: m.phrase, polarity: polarity, code: m.code))
            }
        }
        return stated
    }

    /// A yes, no or unsure answers the findings the question named, unless she speaks of them herself. A yes that
    /// names some of them ("Hovedpine, ja") covers only those; a bare yes to alternatives leaves each possible; a no
    /// denies them all. A plain "don't know" about the movements (not a hedged yes) leaves reduced movements possible.
    static func answer(_ turn: TurnAnalysis, to asked: Asked, stated: Set<String>, into collected: inout Collected) {
        guard let answer = Answer.read(turn.tokens) else { return }
        func record(_ code: String, _ question: String, _ polarity: Polarity) {
            var e = turn.evidence(0..<min(turn.tokens.count, 3), source: .questionAnswer, phrase: question, polarity: polarity, code: code)
            e.text = "\(question)? → \(e.text)"
            // Asked again, she answers again: the later answer is the one she means ("No bleeding?" — "Yes." — "Yes, you
            // are bleeding?" — "No, no, sorry, no bleeding.").
            collected.evidence[code]?.removeAll { $0.source == .questionAnswer }
            collected.evidence[code, default: []].append(e)
        }
        let saidJo = turn.tokens.first(where: \.isWord)?.text == "jo"
        if let movements = asked.movements, answer == .unsure,
           !(turn.tokens.first(where: \.isWord).map { Answer.yesWords.contains($0.text) } ?? false) {
            record(possiblyReducedMovements, movements.text, .uncertain)
        }
        // Asked again, she denies it in her own words ("No, no, sorry. No bleeding."): her earlier answer is taken back.
        for (code, _) in asked.findings where stated.contains(code) {
            let own = collected.evidence[code]?.filter { e in e.source != .questionAnswer && turn.parts.contains { $0.index == e.turn } } ?? []
            if !own.isEmpty, own.allSatisfy({ $0.polarity == .denied }) { collected.evidence[code]?.removeAll { $0.source == .questionAnswer } }
        }
        let named = asked.findings.contains { stated.contains($0.code) }
        let alternatives = Set(asked.findings.map(\.code)).count > 1 && asked.alternatives
        for (code, question) in asked.findings where !stated.contains(code) {
            switch answer {
            case .yes where named: continue
            case .yes where asked.negated.contains(code) && !saidJo: record(code, question.text, .uncertain)
            case .yes: record(code, question.text, alternatives ? .uncertain : .present)
            case .no: record(code, question.text, .denied)
            case .unsure: record(code, question.text, .uncertain)
            }
        }
    }
}
