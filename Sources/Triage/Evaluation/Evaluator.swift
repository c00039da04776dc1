import TriageCore

/// Compares predictions with an answer key, call by call.
public enum Evaluator {
    /// One call's answer key and prediction.
    public struct Pair: Sendable {
        public var id: String
        public var language: String
        public var gold: Labels
        public var predicted: Labels
        /// The call's subgroup per division (`Subgroup.rawValue` → value), for `evaluate --by`.
        public var groups: [String: String]

        public init(id: String, language: String, gold: Labels, predicted: Labels, groups: [String: String] = [:]) {
            self.id = id; self.language = language; self.gold = gold; self.predicted = predicted; self.groups = groups
        }
    }

    /// The figures over `pairs`, per language, and per subgroup of each division in `by`.
    public static func evaluate(_ pairs: [Pair], splitByLanguage: Bool = true, by divisions: [Subgroup] = []) -> EvaluationReport {
        var report = EvaluationReport()
        for pair in pairs { add(pair, to: &report) }
        if splitByLanguage {
            for language in Set(pairs.map(\.language)).sorted() {
                report.byLanguage[language] = evaluate(pairs.filter { $0.language == language }, splitByLanguage: false)
            }
        }
        for division in divisions {
            let key = division.rawValue
            for value in Set(pairs.map { $0.groups[key] ?? "unknown" }) {
                report.bySubgroup[key, default: [:]][value] = evaluate(pairs.filter { ($0.groups[key] ?? "unknown") == value }, splitByLanguage: false)
            }
        }
        return report
    }

    static func add(_ pair: Pair, to report: inout EvaluationReport) {
        let gold = pair.gold, pred = pair.predicted
        report.calls += 1
        let g = Set(gold.reasons), p = Set(pred.reasons)
        for code in g.union(p) {
            var c = report.reasons[code] ?? EvaluationReport.Counts()
            if g.contains(code) && p.contains(code) { c.truePositives += 1 }
            else if p.contains(code) { c.falsePositives += 1 }
            else { c.falseNegatives += 1 }
            report.reasons[code] = c
        }
        if gold.primary != nil, gold.primary == pred.primary { report.primaryCorrect += 1 }
        if let gd = gold.disposition {
            let pd = pred.disposition ?? .infoOnly
            report.confusion[gd, default: [:]][pd, default: 0] += 1
            if gd == pd { report.dispositionCorrect += 1 }
            if pd.urgencyRank > gd.urgencyRank { report.underTriaged += 1 }
            if pd.urgencyRank < gd.urgencyRank { report.overTriaged += 1 }
            let stayHome: Set<Disposition> = [.selfCare, .refer, .infoOnly]
            if gd <= .attendNow, stayHome.contains(pd) { report.dangerousMisses.append(pair.id) }
        }
        for flag in gold.redFlags.union(pred.redFlags) {
            if gold.redFlags.contains(flag) && pred.redFlags.contains(flag) { report.redFlags.truePositives += 1 }
            else if pred.redFlags.contains(flag) { report.redFlags.falsePositives += 1 }
            else { report.redFlags.falseNegatives += 1 }
        }
        for (name, value) in gold.facts {
            var entry = report.facts[name] ?? (0, 0)
            entry.total += 1
            if let predicted = pred.facts[name], predicted.matches(value) || (predicted.numeric != nil && abs((predicted.numeric ?? 0) - (value.numeric ?? 1)) < 0.05) {
                entry.correct += 1
            }
            report.facts[name] = entry
        }
        for finding in gold.denied where pred.presentFindings.contains(finding) {
            report.deniedReportedPresent.append("\(pair.id): \(finding)")
        }
    }
}
