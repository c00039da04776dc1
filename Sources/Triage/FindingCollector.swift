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

    static func collect(_ turns: [TurnAnalysis], lexicons: LexiconSet) -> Collected {
        var collected = Collected()
        var asked: [(code: String, evidence: Evidence)] = []
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
                continue
            }
            guard turn.isCallerSide else { continue }
            let matches = lexicons.findings[turn.language]?.matches(in: turn.tokens) ?? []
            var stated = Set<String>()
            for m in matches {
                let polarity = NegationDetector.polarity(of: m.tokens, in: turn.tokens, language: turn.language)
                collected.evidence[m.code, default: []].append(turn.evidence(m.tokens, phrase: m.phrase, polarity: polarity, code: m.code))
                stated.insert(m.code)
            }
            for m in lexicons.reasons[turn.language]?.matches(in: turn.tokens) ?? [] {
                let polarity = NegationDetector.polarity(of: m.tokens, in: turn.tokens, language: turn.language)
                if polarity != .denied {
                    collected.reasonEvidence[m.code, default: []].append(turn.evidence(m.tokens, phrase: m.phrase, polarity: polarity, code: m.code))
                }
            }
            // A bare yes or no answers the findings the question named, unless she speaks of them herself.
            if !asked.isEmpty, let yes = Utterance.answer(turn.tokens) {
                for (code, question) in asked where !stated.contains(code) {
                    var answer = turn.evidence(0..<1, source: .questionAnswer, phrase: question.text, polarity: yes ? .present : .denied, code: code)
                    answer.text = "\(question.text)? → \(answer.text)"
                    collected.evidence[code, default: []].append(answer)
                }
            }
            asked = []
        }
        return collected
    }
}
