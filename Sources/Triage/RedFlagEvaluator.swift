import Language
import TriageCore

/// Evaluates the taxonomy's red-flag rules over the call's facts and present findings, collecting for each
/// raised flag the findings and facts its rule refers to.
enum RedFlagEvaluator {
    static func raised(taxonomy: Taxonomy, facts: [Assessment.FactValueWithEvidence], present: Set<String>,
                       findingEvidence: [String: [Evidence]]) -> [Assessment.RaisedFlag] {
        let values = Dictionary(facts.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        let factEvidence = Dictionary(facts.map { ($0.name, $0.evidence) }, uniquingKeysWith: { a, _ in a })
        return taxonomy.redFlags.compactMap { flag in
            guard flag.condition.holds(facts: values, findings: present) else { return nil }
            var evidence: [Evidence] = []
            for (code, _) in flag.condition.findingReferences where present.contains(code) {
                if let e = findingEvidence[code]?.first(where: { $0.polarity != .denied }) { evidence.append(e) }
            }
            for (name, _, _) in flag.condition.factReferences {
                if let e = factEvidence[name], !evidence.contains(e) { evidence.append(e) }
            }
            evidence.append(Evidence(source: .rule, text: "\(flag.code): \(flag.condition)", phrase: flag.code))
            return Assessment.RaisedFlag(code: flag.code, forces: flag.forces, evidence: evidence)
        }.sorted { ($0.forces, $0.code) < ($1.forces, $1.code) }
    }
}
