import Acoustics
import Foundation
import Language
import TriageCore

/// Ranks contact reasons from the caller's own words (reason lexicons), the findings that point to a
/// reason, and facts; after the birth, postnatal_concern leads and pregnancy-only reasons fall away.
enum ReasonScorer {
    /// The evidence phrase of the fallback reason when nothing was recognised.
    static let fallbackPhrase = "fallback"
    /// Reasons that only lead when nothing clinical is said.
    static let soft: Set<String> = ["anxiety_reassurance", "practical_question", "other"]
    /// Reasons that are about pregnancy, not the time after the birth.
    static let pregnancyOnly: Set<String> = ["labour_contractions", "rupture_of_membranes", "vaginal_bleeding", "reduced_fetal_movements",
                                             "discharge_mucus_plug"]

    static func rank(taxonomy: Taxonomy, findings: [String: Polarity], findingEvidence: [String: [Evidence]],
                     reasonEvidence: [String: [Evidence]], facts: [Assessment.FactValueWithEvidence], redFlagRaised: Bool,
                     acoustic: EpisodeSummary? = nil) -> [Assessment.ReasonScore] {
        var weight: [String: Double] = [:]
        var evidence: [String: [Evidence]] = [:]
        var firstMention: [String: (turn: Int, offset: Int)] = [:]
        func support(_ code: String, _ w: Double, _ e: Evidence) {
            // The same words matched by a reason's lexicon and a finding's count once.
            let overlapping = evidence[code, default: []].contains { other in
                other.turn == e.turn && other.source == e.source
                    && (other.characters.map { a in e.characters.map { b in a.overlaps(b) } ?? false } ?? false)
            }
            if overlapping { return }
            weight[code, default: 0] += w
            evidence[code, default: []].append(e)
            if let t = e.turn, e.source != .record {
                let at = (t, e.characters?.lowerBound ?? 0)
                if let seen = firstMention[code], seen <= at {} else { firstMention[code] = at }
            }
        }
        for (code, items) in reasonEvidence {
            var phrases = Set<String>()
            // A hedged mention still says what she calls about; the hedge lowers the confidence, not the reason.
            for e in items where phrases.insert(e.phrase ?? e.text).inserted { support(code, 1, e) }
        }
        // A finding counts towards a reason when she says it, or answers yes to it; an unsure answer to the midwife's
        // question leaves it possible for the red flags but is not what she called about.
        for finding in taxonomy.findings {
            guard let polarity = findings[finding.code], polarity != .denied,
                  let e = findingEvidence[finding.code]?.first(where: { $0.polarity == .present || $0.polarity == .uncertain && $0.source != .questionAnswer })
            else { continue }
            for code in finding.reasons { support(code, 1, e) }
        }
        let fact = Dictionary(facts.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        // A fact said in the call points to the reason the taxonomy gives it (`supports`), from its threshold or for its
        // values; one from her record or heard in the recording does not: it is not what she called about.
        for definition in taxonomy.facts {
            guard let rule = definition.supports, let f = fact[definition.name], f.evidence.source != .record, f.evidence.source != .acoustic else { continue }
            if let from = rule.from, (f.value.numeric ?? -.infinity) < from { continue }
            if let values = rule.values, !values.contains(where: { f.value == .text($0) }) { continue }
            if let week = rule.fromWeek, (fact[.gestationalWeek]?.value.numeric ?? 40) < Double(week) { continue }
            support(rule.reason, 1, f.evidence)
        }
        // Contraction-like episodes in the recording support labour, but never make it a reason alone.
        if let episode = acoustic?.sustained.first {
            support("labour_contractions", 0.5, Evidence(source: .acoustic, startMs: episode.startMs, endMs: episode.endMs,
                                                         text: "contraction-like episode of \(episode.durationMs / 1000) s on the caller's channel",
                                                         phrase: "acoustic episode"))
        }
        let postpartum = fact[.daysPostpartum] != nil || fact[.caller]?.value == .text("postnatal")
        if postpartum {
            let e = fact[.daysPostpartum]?.evidence ?? fact[.caller]?.evidence ?? Evidence(source: .rule, text: "after the birth")
            support("postnatal_concern", 1.5, e)
            for code in pregnancyOnly { weight[code] = nil }
        }
        let clinical = weight.keys.contains { !soft.contains($0) && $0 != "medication_question" }
        var ranked = weight.filter { $0.value >= 1 }.map { code, w in
            Assessment.ReasonScore(code: code, score: 1 - pow(0.5, w), evidence: evidence[code] ?? [])
        }
        // "Other" means that no other reason fits.
        if ranked.count > 1 { ranked.removeAll { $0.code == "other" } }
        // Worry alongside an urgent symptom is the symptom's call; beside a minor one it is a reason of its own.
        // A practical question is its own call only with no symptom.
        if clinical { ranked.removeAll { $0.code == "anxiety_reassurance" && (weight[$0.code] ?? 0) < (redFlagRaised ? 2 : 3) } }
        if clinical { ranked.removeAll { $0.code == "practical_question" && (weight[$0.code] ?? 0) < 2 } }
        // "Må jeg tage panodil for hovedpine?": the symptom a medication question names is its subject, not a reason,
        // unless she says more about it; nausea stays a reason of its own ("I've been sick twice, what can I take?").
        if weight["medication_question"] ?? 0 >= 1 {
            ranked.removeAll { !["medication_question", "nausea_vomiting"].contains($0.code) && (weight[$0.code] ?? 0) < 2 && !postpartum }
        }
        // The primary reason is what she called about: the first one she brings up, soft reasons last.
        ranked.sort { a, b in
            if postpartum, (a.code == "postnatal_concern") != (b.code == "postnatal_concern") { return a.code == "postnatal_concern" }
            let softA = soft.contains(a.code), softB = soft.contains(b.code)
            if softA != softB { return softB }
            let ma = firstMention[a.code] ?? (Int.max, 0), mb = firstMention[b.code] ?? (Int.max, 0)
            if ma != mb { return ma < mb }
            return (a.score, b.code) > (b.score, a.code)
        }
        if ranked.isEmpty {
            ranked = [Assessment.ReasonScore(code: "other", score: 0.5, evidence: [Evidence(source: .rule, text: "no contact reason was recognised", phrase: fallbackPhrase)])]
        }
        return ranked
    }
}
