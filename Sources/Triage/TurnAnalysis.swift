import Foundation
import Language
import TriageCore

/// One turn prepared for classification: its language, tokens, and whether it asks something. Turns of one
/// known speaker that a recogniser split mid-sentence ("hun har trang til" / "at presse") are read as one, and
/// evidence points back into the part it came from.
struct TurnAnalysis {
    /// A part of the call's turns that this analysis joins: the turn's index and where its text starts.
    struct Part {
        var index: Int
        var offset: Int
        var turn: Turn
        /// The turn's length in characters, counted once.
        var length: Int

        init(index: Int, offset: Int, turn: Turn) {
            self.index = index
            self.offset = offset
            self.turn = turn
            length = turn.text.count
        }
    }

    var index: Int
    var turn: Turn
    var parts: [Part] = []
    var language: String
    var tokens: [Token]
    /// The turn's text as characters, made once: evidence is cut from it by character offsets.
    var characters: [Character]
    /// Whether the turn counts as what the woman (or someone for her) says: caller, notes, or an
    /// unlabelled turn that is not a question.
    var isCallerSide: Bool
    /// Whether the turn is the midwife asking (or an unlabelled question).
    var isQuestion: Bool

    var source: Evidence.Source { turn.speaker == .notes ? .notes : .transcript }

    static func analyze(_ input: CallInput, analyzer: TextAnalyzer, callLanguage: String) -> [TurnAnalysis] {
        joined(input.turns).map { parts in
            let index = parts[0].index
            let turn = parts.count == 1 ? parts[0].turn
                : Turn(speaker: parts[0].turn.speaker, speakerLabel: parts[0].turn.speakerLabel, startMs: parts[0].turn.startMs,
                       endMs: parts[parts.count - 1].turn.endMs, text: parts.map(\.turn.text).joined(separator: " "))
            let rough = LanguageDetector.words(in: turn.text)
            var language = callLanguage
            let other = callLanguage == "da" ? "en" : "da"
            if rough.count >= 3, LanguageDetector.detect(words: rough, fallback: callLanguage) == other,
               LanguageDetector.detect(words: rough, fallback: other) == other {
                language = other
            }
            let tokens = analyzer.analyze(turn.text, language: language)
            let asks = Utterance.isQuestion(tokens, language: language, byMidwife: turn.speaker == .midwife)
            let callerSide: Bool
            let question: Bool
            switch turn.speaker {
            case .caller, .notes: callerSide = true; question = false
            case .midwife: callerSide = false; question = asks
            case .unknown: callerSide = !asks; question = asks
            }
            return TurnAnalysis(index: index, turn: turn, parts: parts, language: language, tokens: tokens, characters: Array(turn.text), isCallerSide: callerSide,
                                isQuestion: question)
        }
    }

    /// Whether a turn starts a sentence of its own: with a question word, a yes or no, or a greeting.
    static func startsAnew(_ text: String) -> Bool {
        guard let first = LanguageDetector.words(in: text).first else { return true }
        return sentenceStarts.contains(first)
    }

    /// Question words of either language, yes and no, and greetings.
    static let sentenceStarts: Set<String> = Utterance.questionStarts.values.reduce(Answer.yesWords.union(Answer.noWords)) { $0.union($1) }
        .union(["hej", "hello", "hi", "okay", "ok", "godt", "tak", "thanks"])

    /// The call's turns in runs to read as one: consecutive turns of one known speaker where the earlier ends
    /// without a full stop, question or exclamation mark.
    static func joined(_ turns: [Turn]) -> [[Part]] {
        var runs: [[Part]] = []
        for (index, turn) in turns.enumerated() {
            if var run = runs.last, let last = run.last, last.turn.speaker == turn.speaker, turn.speaker != .unknown,
               !(last.turn.text.trimmingCharacters(in: .whitespaces).last.map { ".?!…".contains($0) } ?? true), !startsAnew(turn.text) {
                run.append(Part(index: index, offset: last.offset + last.length + 1, turn: turn))
                runs[runs.count - 1] = run
            } else {
                runs.append([Part(index: index, offset: 0, turn: turn)])
            }
        }
        return runs
    }

    /// Evidence for the tokens `range` of this turn.
    func evidence(_ range: Range<Int>, source: Evidence.Source? = nil, phrase: String? = nil, polarity: Polarity = .present, code: String? = nil) -> Evidence {
        let lower = min(range.lowerBound, max(0, tokens.count - 1)), upper = min(max(range.upperBound, lower + 1), tokens.count)
        let characters = tokens.isEmpty ? 0..<0 : tokens[lower].range.lowerBound..<tokens[upper - 1].range.upperBound
        let text = characters.upperBound <= self.characters.count ? String(self.characters[characters]) : turn.text
        // The part of a joined run the words start in, with offsets into that turn's own text.
        let part = parts.last { $0.offset <= characters.lowerBound } ?? Part(index: index, offset: 0, turn: turn)
        let length = part.length
        let local = min(characters.lowerBound - part.offset, length)..<min(characters.upperBound - part.offset, length)
        return Evidence(source: source ?? self.source, turn: part.index, speaker: part.turn.speaker, startMs: part.turn.startMs, endMs: part.turn.endMs,
                        text: text, characters: local, phrase: phrase, polarity: polarity, code: code)
    }
}
