import TriageCore

/// Joins the reason model's probabilities to the rules' assessment: the model adds the reasons it is sure
/// of, its top reason leads when it clearly beats the rules' primary, and a call it finds like those that needed
/// attend_now is raised to attend_now as a possible urgency for the midwife to rule out. The red flags stay the
/// rules', and the disposition is never less urgent than the rules' own.
enum ModelCombination {
    /// The rules' assessment with `model`'s reading of the call's `features` joined to it (`index` from `model.featureIndex()`).
    static func assess(_ rules: Assessment, features: Set<String>, model: ReasonModel, index: [String: Int], taxonomy: Taxonomy) -> Assessment {
        apply(model.predict(features, index: index), urgency: model.urgency(features, index: index), to: rules, model: model, taxonomy: taxonomy)
    }

    static func apply(_ predictions: [(code: String, probability: Double, because: [String])],
                      urgency: (probability: Double, because: [String]) = (0, []), to rules: Assessment,
                      model: ReasonModel, taxonomy: Taxonomy) -> Assessment {
        var a = rules
        let probability = Dictionary(predictions.map { ($0.code, $0.probability) }, uniquingKeysWith: { x, _ in x })
        let unrecognised = rules.uncertainties.contains("not_recognised")
        var reasons = unrecognised ? [] : rules.reasons
        for p in predictions.sorted(by: { ($0.probability, $1.code) > ($1.probability, $0.code) })
            where p.probability >= model.hyperparameters.addThreshold && !reasons.contains(where: { $0.code == p.code }) {
            let text = "model \(Int((p.probability * 100).rounded())) %" + (p.because.isEmpty ? "" : ": " + p.because.joined(separator: ", "))
            reasons.append(Assessment.ReasonScore(code: p.code, score: p.probability, evidence: [Evidence(source: .model, text: text, phrase: model.id)]))
        }
        if reasons.isEmpty { reasons = rules.reasons }
        if reasons.count > 1 { reasons.removeAll { $0.code == "other" && (probability["other"] ?? 0) < model.hyperparameters.addThreshold } }
        // The model's favourite leads when it clearly beats the current primary; a soft reason never leads a clinical one.
        if let first = reasons.first, let best = reasons.max(by: { (probability[$0.code] ?? 0, $1.code) < (probability[$1.code] ?? 0, $0.code) }),
           best.code != first.code, (probability[best.code] ?? 0) >= (probability[first.code] ?? 0) + model.hyperparameters.primaryMargin,
           !ReasonScorer.soft.contains(best.code) || reasons.allSatisfy({ ReasonScorer.soft.contains($0.code) }) {
            reasons.removeAll { $0.code == best.code }
            reasons.insert(best, at: 0)
        }
        a.reasons = reasons
        a.primary = reasons.first?.code ?? rules.primary
        if a.redFlags.isEmpty, let d = taxonomy.reason(a.primary)?.defaultDisposition, d < rules.disposition {
            a.disposition = d
            a.dispositionEvidence = Evidence(source: .model, text: "default for \(a.primary) (ranked first by \(model.id)): \(d.rawValue)", phrase: a.primary)
        }
        // A call the rules would send home that is like those that needed attend_now: raised, and said to be only possible.
        if Disposition.attendSoon < a.disposition, urgency.probability >= model.hyperparameters.urgentThreshold {
            a.disposition = .attendNow
            let because = urgency.because.isEmpty ? "" : ": " + urgency.because.joined(separator: ", ")
            a.dispositionEvidence = Evidence(source: .model, text: "possibly urgent (model \(Int((urgency.probability * 100).rounded())) %\(because)); "
                                             + "no red flag stated: ask", phrase: model.id)
            a.uncertainties.append("model_possibly_urgent")
            a.confidence = min(a.confidence, 0.5)
        }
        if let p = probability[a.primary] {
            a.confidence = ((a.confidence + p) / 2 * 100).rounded() / 100
        }
        if unrecognised, reasons.contains(where: { $0.evidence.first?.source == .model }) {
            a.uncertainties.removeAll { $0 == "not_recognised" }
            a.uncertainties.append("model_only")
        }
        a.modelVersion = TriageClassifier.versionTag(model: model)
        return a
    }
}
