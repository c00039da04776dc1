import Language
import TriageCore

/// One turn prepared for classification: its language, tokens, and whether it asks something.
struct TurnAnalysis {
    var index: Int
    var turn: Turn
    var language: String
    var tokens: [Token]
    /// Whether the turn counts as what the woman (or someone for her) says: caller, notes, or an
    /// unlabelled turn that is not a question.
    var isCallerSide: Bool
    /// Whether the turn is the midwife asking (or an unlabelled question).
    var isQuestion: Bool

    var source: Evidence.Source { turn.speaker == .notes ? .notes : .transcript }

    static func analyze(_ input: CallInput, analyzer: TextAnalyzer, callLanguage: String) -> [TurnAnalysis] {
        input.turns.enumerated().map { index, turn in
            let rough = LanguageDetector.words(in: turn.text)
            var language = callLanguage
            let other = callLanguage == "da" ? "en" : "da"
            if rough.count >= 3, LanguageDetector.detect(words: rough, fallback: callLanguage) == other,
               LanguageDetector.detect(words: rough, fallback: other) == other {
                language = other
            }
            let tokens = analyzer.analyze(turn.text, language: language)
            let asks = Utterance.isQuestion(tokens, language: language)
            let callerSide: Bool
            let question: Bool
            switch turn.speaker {
            case .caller, .notes: callerSide = true; question = false
            case .midwife: callerSide = false; question = asks
            case .unknown: callerSide = !asks; question = asks
            }
            return TurnAnalysis(index: index, turn: turn, language: language, tokens: tokens, isCallerSide: callerSide, isQuestion: question)
        }
    }

    /// Evidence for the tokens `range` of this turn.
    func evidence(_ range: Range<Int>, source: Evidence.Source? = nil, phrase: String? = nil, polarity: Polarity = .present, code: String? = nil) -> Evidence {
        let lower = min(range.lowerBound, max(0, tokens.count - 1)), upper = min(max(range.upperBound, lower + 1), tokens.count)
        let characters = tokens.isEmpty ? 0..<0 : tokens[lower].range.lowerBound..<tokens[upper - 1].range.upperBound
        let chars = Array(turn.text)
        let text = characters.upperBound <= chars.count ? String(chars[characters]) : turn.text
        return Evidence(source: source ?? self.source, turn: index, speaker: turn.speaker, startMs: turn.startMs, endMs: turn.endMs,
                        text: text, characters: characters, phrase: phrase, polarity: polarity, code: code)
    }
}
