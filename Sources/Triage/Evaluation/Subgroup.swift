import TriageCore

/// A way of dividing calls into subgroups, to see whether the classifier serves every group of callers
/// equally well (`triage evaluate --by`).
public enum Subgroup: String, Sendable, CaseIterable {
    case language
    case caller
    case firstBaby = "first_baby"
    case gestationalBand = "gestational_band"
    case hourBand = "hour_band"

    /// The subgroup of one call, from its answer key first and its record second.
    public func value(of input: CallInput, gold: Labels, language: String) -> String {
        switch self {
        case .language:
            return language
        case .caller:
            if case .text(let t)? = gold.facts[.caller] { return t }
            return input.metadata.caller?.rawValue ?? "unknown"
        case .firstBaby:
            if case .boolean(let b)? = gold.facts[.firstBaby] { return b ? "yes" : "no" }
            return input.metadata.firstBaby.map { $0 ? "yes" : "no" } ?? "unknown"
        case .gestationalBand:
            if gold.facts[.daysPostpartum] != nil || input.metadata.daysPostpartum != nil { return "postnatal" }
            guard let week = gold.facts[.gestationalWeek]?.numeric ?? input.metadata.gestationalWeek.map(Double.init) else { return "unknown" }
            return week < 24 ? "<24" : week < 34 ? "24-33" : week < 37 ? "34-36" : week < 42 ? "37-41" : "42+"
        case .hourBand:
            guard let hour = input.startedAt?.hour else { return "unknown" }
            return hour < 8 ? "night 00-07" : hour < 16 ? "day 08-15" : "evening 16-23"
        }
    }

    /// The figures compared across subgroups, each with whether a higher value is better.
    public static let metrics: [(name: String, higherIsBetter: Bool, value: @Sendable (EvaluationReport) -> Double)] = [
        ("red_flag_recall", true, { $0.redFlags.recall }),
        ("under_triage_rate", false, { $0.underTriageRate }),
        ("over_triage_rate", false, { $0.overTriageRate }),
        ("reason_micro_f1", true, { $0.microF1 }),
        ("primary_accuracy", true, { $0.primaryAccuracy }),
        ("disposition_accuracy", true, { $0.dispositionAccuracy }),
    ]

    /// The metrics on which `group` does worse than `all` by more than `threshold`.
    public static func gaps(_ group: EvaluationReport, against all: EvaluationReport, threshold: Double) -> [String] {
        metrics.filter { m in
            let difference = m.value(group) - m.value(all)
            return (m.higherIsBetter ? -difference : difference) > threshold
        }.map(\.name)
    }
}
