import Language
import TriageCore

/// Finds what the caller states or denies: lexicon findings in her turns (negated or hedged), and the
/// findings a midwife's question names, confirmed by a bare "ja"/"yes" or denied by "nej"/"no".
/// Words in the midwife's questions are never findings by themselves.
enum FindingCollector {
    struct Collected {
        var evidence: [String: [Evidence]] = [:]
        /// Reason-lexicon matches in the caller's turns (not denied).
        var reasonEvidence: [String: [Evidence]] = [:]
    }

    /// The finding an unsure answer to a question about the baby's movements leaves possible.
    static let possiblyReducedMovements = "reduced_movements"

    static func collect(_ turns: [TurnAnalysis], lexicons: LexiconSet) -> Collected {
        var collected = Collected()
        var asked: [(code: String, evidence: Evidence)] = []
        var askedAlternatives = false
        var movementsAsked: Evidence?
        for turn in turns {
            if turn.isQuestion {
                // Only what the question sentences name: "Når veerne kommer så tit, skal du komme ind. Har du en bil?"
                // asks about a car, not about contractions.
                let spans = Utterance.questionSpans(turn.tokens)
                asked = (lexicons.findings[turn.language]?.matches(in: turn.tokens) ?? []).filter { m in
                    spans.isEmpty || spans.contains { $0.contains(m.tokens.lowerBound) }
                }.map {
                    ($0.code, turn.evidence($0.tokens, source: .questionAnswer, phrase: $0.phrase, code: $0.code))
                }
                askedAlternatives = turn.tokens.contains { ["eller", "or"].contains($0.text) }
                // "Mærker du barnet, som du plejer?" names no finding, but an unsure answer leaves reduced movements possible.
                movementsAsked = asked.isEmpty && QuestionTopic.topics(of: turn.tokens).contains(.fetalMovements)
                    ? turn.evidence(0..<turn.tokens.count, source: .questionAnswer, code: FindingCollector.possiblyReducedMovements) : nil
                continue
            }
            guard turn.isCallerSide else { continue }
            let matches = lexicons.findings[turn.language]?.matches(in: turn.tokens) ?? []
            var stated = Set<String>()
            let spans = Utterance.questionSpans(turn.tokens)
            let resolved = CheckedAndResolved.resolvedUpTo(in: turn.tokens)
            for m in matches {
                // "Hvis jeg begynder at bløde, skal jeg så ringe?": only supposed; "sidste gang skulle jeg presse i bilen": another birth.
                if NegationDetector.isHypothetical(m.tokens, in: turn.tokens, language: turn.language)
                    || PastPregnancy.mentioned(around: m.tokens.lowerBound, in: turn.tokens) { continue }
                var polarity = NegationDetector.polarity(of: m.tokens, in: turn.tokens, language: turn.language, phrase: m.phrase)
                // "Bløder du, skat? … Nej.": a partner relays the midwife's question and the answer follows in the same turn.
                if polarity == .present, let question = spans.firstIndex(where: { $0.contains(m.tokens.lowerBound) }),
                   let after = spans[question].upperBound + 1 < turn.tokens.count ? Answer.read(Array(turn.tokens[(spans[question].upperBound + 1)...])) : nil {
                    polarity = after == .no ? .denied : after == .unsure ? .uncertain : .present
                }
                // Checked and not come back: a past event, not a finding now.
                if let resolved, m.tokens.upperBound <= resolved, polarity != .denied { polarity = .denied }
                collected.evidence[m.code, default: []].append(turn.evidence(m.tokens, phrase: m.phrase, polarity: polarity, code: m.code))
                stated.insert(m.code)
            }
            for m in lexicons.reasons[turn.language]?.matches(in: turn.tokens) ?? [] {
                let polarity = NegationDetector.polarity(of: m.tokens, in: turn.tokens, language: turn.language, phrase: m.phrase)
                if polarity != .denied {
                    collected.reasonEvidence[m.code, default: []].append(turn.evidence(m.tokens, phrase: m.phrase, polarity: polarity, code: m.code))
                }
            }
            // A yes, no or unsure answers the findings the question named, unless she speaks of them herself.
            // A yes that names some of them ("Hovedpine, ja") covers only those; a bare yes to a question of
            // alternatives ("Bløder du, eller har du ondt?" — "Ja") leaves each of them possible; a no denies them all.
            // Only a plain "don't know", not a hedged yes ("ja, det tror jeg").
            if let question = movementsAsked, Answer.read(turn.tokens) == .unsure,
               !(turn.tokens.first(where: \.isWord).map { Answer.yesWords.contains($0.text) } ?? false) {
                var e = turn.evidence(0..<min(turn.tokens.count, 3), source: .questionAnswer, phrase: question.text, polarity: .uncertain,
                                      code: FindingCollector.possiblyReducedMovements)
                e.text = "\(question.text) → \(e.text)"
                collected.evidence[FindingCollector.possiblyReducedMovements, default: []].append(e)
            }
            movementsAsked = nil
            if !asked.isEmpty, let answer = Answer.read(turn.tokens) {
                let named = asked.contains { stated.contains($0.code) }
                let alternatives = Set(asked.map(\.code)).count > 1 && askedAlternatives
                for (code, question) in asked where !stated.contains(code) {
                    let polarity: Polarity
                    switch answer {
                    case .yes:
                        if named { continue }
                        polarity = alternatives ? .uncertain : .present
                    case .no: polarity = .denied
                    case .unsure: polarity = .uncertain
                    }
                    var e = turn.evidence(0..<min(turn.tokens.count, 3), source: .questionAnswer, phrase: question.text, polarity: polarity, code: code)
                    e.text = "\(question.text)? → \(e.text)"
                    collected.evidence[code, default: []].append(e)
                }
            }
            asked = []
        }
        return collected
    }
}
