import Acoustics
import Foundation
import Language
import TriageCore

/// Collects the facts of a call: what the caller states (reading bare answers in the light of the
/// midwife's question), then the caller's record for what the call does not say, then what follows
/// from the findings (movements, amount of bleeding).
enum FactCollector {
    static func collect(_ turns: [TurnAnalysis], metadata: CallMetadata, findings: [String: Polarity],
                        findingEvidence: [String: [Evidence]], acoustic: EpisodeSummary? = nil,
                        taxonomy: Taxonomy) -> [Assessment.FactValueWithEvidence] {
        var facts = stated(in: turns, taxonomy: taxonomy)
        func has(_ name: FactName) -> Bool { facts.contains { $0.name == name } }
        // The caller's record fills what the call does not say.
        func record(_ name: FactName, _ value: FactValue?) {
            guard let value, !has(name) else { return }
            facts.append(.init(name: name, value: value, evidence: Evidence(source: .record, text: "\(name) = \(value)", code: name.rawValue)))
        }
        record(.gestationalWeek, metadata.gestationalWeek.map(FactValue.integer))
        // The record's days go with its week, also when the call says the same week without days.
        if let week = facts.first(where: { $0.name == .gestationalWeek }), week.value.numeric == metadata.gestationalWeek.map(Double.init) {
            record(.gestationalDays, metadata.gestationalDays.map(FactValue.integer))
        }
        record(.firstBaby, metadata.firstBaby.map(FactValue.boolean))
        record(.daysPostpartum, metadata.daysPostpartum.map(FactValue.integer))
        record(.caller, metadata.caller.map { .text($0.rawValue) })
        // The recording's contraction-like episodes give an interval when she states none.
        if !has(.contractionIntervalMin), let acoustic, let minutes = acoustic.intervalMinutes {
            let rounded = (minutes * 10).rounded() / 10
            let text = String(format: "%d contraction-like episodes on the caller's channel, %.1f min apart", acoustic.sustained.count, rounded)
            facts.append(.init(name: .contractionIntervalMin, value: .number(rounded),
                               evidence: Evidence(source: .acoustic, startMs: acoustic.sustained.first?.startMs, endMs: acoustic.sustained.last?.endMs,
                                                  text: text, phrase: "acoustic episodes", code: FactName.contractionIntervalMin.rawValue)))
        }
        // An amount of bleeding means nothing unless she bleeds.
        let bleeds = [findings["vaginal_bleeding"], findings["heavy_bleeding"]].contains { $0 == .present || $0 == .uncertain }
        if !bleeds { facts.removeAll { $0.name == .bleedingAmount && $0.evidence.source != .record } }
        // What follows from the findings.
        func derived(_ name: FactName, _ value: String, from finding: String) {
            // An unsure answer to the midwife's question leaves the finding possible; it states no fact.
            guard !has(name), findings[finding] == .present || findings[finding] == .uncertain,
                  let evidence = findingEvidence[finding]?.first(where: { $0.polarity == .present || $0.polarity == .uncertain && $0.source != .questionAnswer })
            else { return }
            var e = evidence
            e.code = name.rawValue
            facts.append(.init(name: name, value: .text(value), evidence: e))
        }
        derived(.fetalMovements, "absent", from: "absent_movements")
        derived(.fetalMovements, "reduced", from: "reduced_movements")
        derived(.bleedingAmount, "heavy", from: "heavy_bleeding")
        if !has(.caller), turns.contains(where: { $0.turn.speakerLabel.map { Speaker(label: $0) == .caller && $0.lowercased().hasPrefix("partner") } ?? false }) {
            facts.append(.init(name: .caller, value: .text("partner"), evidence: Evidence(source: .transcript, text: "Partner", code: FactName.caller.rawValue)))
        }
        return facts
    }

    /// Words that make a midwife's sentence advice about a future or a condition, not what she heard.
    static let conditionalWords: Set<String> = ["hvis", "når", "if", "when", "før", "before", "indtil", "until", "skal", "should", "would", "ville",
                                                "unless", "medmindre", "once", "så", "then"]

    /// The facts a midwife repeats back in a short statement ("150 over 95.", "So roughly every three minutes."),
    /// never in a question or a piece of advice ("Ring igen, hvis de kommer hvert femte minut").
    static func restated(by turn: TurnAnalysis, words: FactWords) -> [Assessment.FactValueWithEvidence] {
        var out: [Assessment.FactValueWithEvidence] = []
        let tokens = turn.tokens
        for range in Sentences.ranges(tokens) {
            let last = tokens[range.upperBound - 1]
            guard last.text != "?" || last.kind != .punctuation else { continue }
            let start = range.lowerBound
            let stop = Sentences.ends(last) ? range.upperBound - 1 : range.upperBound
            guard stop > start else { continue }
            let sentence = Array(tokens[start..<stop])
            guard sentence.filter(\.isWord).count <= 10, !sentence.contains(where: { conditionalWords.contains($0.text) }),
                  !Utterance.isQuestion(sentence, language: turn.language, byMidwife: true) else { continue }
            for fact in FactExtractor.facts(in: sentence, language: turn.language, words: words) {
                out.append(.init(name: fact.name, value: fact.value,
                                 evidence: turn.evidence((fact.tokens.lowerBound + start)..<(fact.tokens.upperBound + start), code: fact.name.rawValue)))
            }
        }
        return out
    }

    /// Words that take back what was just said.
    static let correctionCues: [[String]] = [["nej"], ["no"], ["forkert"], ["wrong"], ["sorry"], ["undskyld"], ["i", "mean"], ["jeg", "mener"], ["rettere"],
                                             ["actually"], ["vent"], ["wait"], ["hang", "on"], ["more", "like"], ["nærmere"], ["faktisk"]]

    /// Whether a correction cue stands right before a later statement (within a few words, after the earlier one
    /// when both are in one turn).
    static func corrects(between earlier: (turn: Int, tokens: Range<Int>), and later: (turn: Int, tokens: Range<Int>),
                         in current: TurnAnalysis) -> Bool {
        var from = max(0, later.tokens.lowerBound - 5)
        if earlier.turn == later.turn {
            guard earlier.tokens.upperBound <= later.tokens.lowerBound else { return false }
            from = max(from, earlier.tokens.upperBound)
        }
        // In a later turn a bare "nej" may answer another question: only an outright correction counts there.
        let cues = earlier.turn == later.turn ? correctionCues : correctionCues.filter { !["nej", "no", "vent", "wait"].contains($0[0]) }
        return WordSequence.first(of: cues, in: current.tokens[from..<later.tokens.lowerBound].map(\.text)) != nil
    }

    /// Whether a short turn only repeats a number from the midwife's advice just before.
    static func echoes(_ fact: ExtractedFact, in tokens: [Token], advice: [Token]) -> Bool {
        guard !advice.isEmpty, tokens.filter(\.isWord).count <= 6, let value = fact.value.numeric else { return false }
        return advice.contains { $0.value == value }
    }

    /// What the caller states, each fact once: of several statements, the one the taxonomy's `when_several` picks.
    static func stated(in turns: [TurnAnalysis], taxonomy: Taxonomy) -> [Assessment.FactValueWithEvidence] {
        var said: [Assessment.FactValueWithEvidence] = []
        // Where each statement stands: its turn (in order) and tokens, for spotting a correction between two.
        var places: [(turn: Int, tokens: Range<Int>)] = []
        var repeatedBack: [Assessment.FactValueWithEvidence] = []
        var topics = Set<QuestionTopic>()
        var recent: [[Token]] = []
        var previousAdvice: [Token] = []
        var watersInCall = false
        for (order, turn) in turns.enumerated() {
            defer {
                recent = Array((recent + [turn.tokens]).suffix(3))
                watersInCall = watersInCall || turn.isCallerSide && FactExtractor.mentionsWaters(turn.tokens, words: taxonomy.factWords)
            }
            if turn.turn.speaker == .midwife {
                repeatedBack += restated(by: turn, words: taxonomy.factWords)
                previousAdvice = turn.tokens.contains { conditionalWords.contains($0.text) } ? turn.tokens : []
            }
            if turn.isQuestion {
                topics = QuestionTopic.topics(of: turn.tokens)
                continue
            }
            guard turn.isCallerSide else { continue }
            for fact in FactExtractor.facts(in: turn.tokens, language: turn.language, topics: topics, context: recent.flatMap { $0 }, watersInCall: watersInCall,
                                               words: taxonomy.factWords) {
                // "Ring igen, når de kommer hvert tredje minut." — "Hvert tredje. Okay.": her echo of the advice is no fact.
                if echoes(fact, in: turn.tokens, advice: previousAdvice) { continue }
                let source: Evidence.Source = topics.isEmpty ? turn.source : .questionAnswer
                // "38 uger, nej undskyld, 36": a correction right before the new value takes back what it corrects, where the
                // first or the latest statement would count; the lowest, highest or most concerning is chosen regardless.
                let resolution = taxonomy.fact(fact.name)?.whenSeveral ?? .earliest
                if resolution == .earliest || resolution == .latest, let earlier = said.lastIndex(where: { $0.name == fact.name }),
                   corrects(between: places[earlier], and: (order, fact.tokens), in: turn) {
                    said.remove(at: earlier)
                    places.remove(at: earlier)
                }
                said.append(.init(name: fact.name, value: fact.value, evidence: turn.evidence(fact.tokens, source: source, code: fact.name.rawValue)))
                places.append((order, fact.tokens))
            }
            topics = []
            if turn.turn.speaker != .midwife { previousAdvice = [] }
        }
        // What the midwife repeats back fills only what the caller's own words did not give.
        said += repeatedBack.filter { fact in !said.contains { $0.name == fact.name } }
        var facts: [Assessment.FactValueWithEvidence] = []
        for name in said.map(\.name) where !facts.contains(where: { $0.name == name }) {
            var candidates = said.filter { $0.name == name }
            let rule = taxonomy.fact(name)?.whenSeveral ?? .earliest
            // Of the first or the latest, her answer to the midwife's question outranks what she said in passing
            // ("det er første gang for mig", says the father; "Er det hendes første?" — "Nej").
            if rule == .earliest || rule == .latest, candidates.contains(where: { $0.evidence.source == .questionAnswer }) {
                candidates = candidates.filter { $0.evidence.source == .questionAnswer }
            }
            if let i = rule.choose(candidates.map(\.value)) { facts.append(candidates[i]) }
        }
        return facts
    }
}
