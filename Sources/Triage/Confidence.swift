import Language
import TriageCore

extension Assessment {
    /// The assessment with its confidence and what it does not know. The confidence starts from how strongly
    /// the primary reason was recognised and falls for each thing a careful midwife would still want settled:
    /// a red flag that is only possible, hedged answers, and the primary reason's decisive facts still unknown.
    func withConfidence(recognised: Bool, possible: Set<String>, taxonomy: Taxonomy) -> Assessment {
        var a = self
        var unsure: [String] = []
        var confidence = recognised ? (reasons.first?.score ?? 0.5) : 0.2
        if !recognised { unsure.append("not_recognised") }
        if redFlags.contains(where: \.possible) {
            unsure.append("possible_red_flag")
            confidence = min(confidence, 0.6)
        }
        if !possible.isEmpty {
            unsure.append("hedged")
            confidence *= 0.85
        }
        let decisive = (taxonomy.reason(primary)?.requiredFacts ?? []).prefix(2)
        let unknown = decisive.filter { name in !facts.contains { $0.name == name } }
        if !unknown.isEmpty, redFlags.isEmpty {
            unsure.append("facts_unknown")
            confidence *= 1 - 0.1 * Double(unknown.count)
        }
        a.confidence = (confidence * 100).rounded() / 100
        a.uncertainties = unsure
        return a
    }
}
