import Language
import TriageCore

/// Evaluates the taxonomy's red-flag rules over the call's facts and findings, collecting for each
/// raised flag the findings and facts its rule refers to. A flag whose condition holds only when the
/// possible (hedged, unsure) findings count is raised as possible, forcing its rule's `if_possible`.
enum RedFlagEvaluator {
    static func raised(taxonomy: Taxonomy, facts: [Assessment.FactValueWithEvidence], stated: Set<String>, possible: Set<String>,
                       denied: Set<String> = [], findingEvidence: [String: [Evidence]]) -> [Assessment.RaisedFlag] {
        let values = Dictionary(facts.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        let factEvidence = Dictionary(facts.map { ($0.name, $0.evidence) }, uniquingKeysWith: { a, _ in a })
        let counted = stated.union(possible)
        return taxonomy.redFlags.compactMap { flag in
            let certain = flag.condition.holds(facts: values, findings: stated, denied: denied)
            guard certain || flag.condition.holds(facts: values, findings: counted, denied: denied) else { return nil }
            var evidence: [Evidence] = []
            for (code, _) in flag.condition.findingReferences where counted.contains(code) {
                if let e = findingEvidence[code]?.first(where: { $0.polarity != .denied }) { evidence.append(e) }
            }
            for (name, _, _) in flag.condition.factReferences {
                if let e = factEvidence[name], !evidence.contains(e) { evidence.append(e) }
            }
            evidence.append(Evidence(source: .rule, text: "\(flag.code): \(flag.condition)", phrase: flag.code))
            return Assessment.RaisedFlag(code: flag.code, forces: certain ? flag.forces : flag.ifPossible ?? flag.forces, evidence: evidence,
                                         possible: !certain)
        }.sorted { ($0.forces, $0.code) < ($1.forces, $1.code) }
    }
}
