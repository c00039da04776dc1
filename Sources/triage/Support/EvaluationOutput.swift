import Foundation
import Triage
import TriageCore

/// `triage evaluate --format json`: the figures as one object, with the same under `by_language`.
enum EvaluationJSON {
    /// With `rulesAlone`, the rules' own figures on the same calls under `rules_alone`, and the model's id.
    static func render(_ r: EvaluationReport, gap: Double = 0.05, rulesAlone: EvaluationReport? = nil, model: String? = nil) -> JSONValue {
        func n(_ d: Double) -> JSONValue { .number((d * 10000).rounded() / 10000) }
        var fields: [(String, JSONValue)] = [
            ("calls", .integer(r.calls)),
            ("reason_micro_f1", n(r.microF1)), ("reason_macro_f1", n(r.macroF1)),
            ("primary_accuracy", n(r.primaryAccuracy)), ("disposition_accuracy", n(r.dispositionAccuracy)),
            ("under_triage_rate", n(r.underTriageRate)), ("over_triage_rate", n(r.overTriageRate)),
            ("stay_home_when_attend_now_or_112", .array(r.dangerousMisses.map(JSONValue.string))),
            ("red_flag_recall", n(r.redFlags.recall)), ("red_flag_precision", n(r.redFlags.precision)),
            ("denied_reported_present", .array(r.deniedReportedPresent.map(JSONValue.string))),
            ("fact_accuracy", .object(r.facts.keys.sorted().map { ($0.rawValue, n(r.factAccuracy($0) ?? 0)) })),
            ("reasons", .object(r.reasons.keys.sorted().map { code in
                let c = r.reasons[code] ?? .init()
                return (code, .object([("precision", n(c.precision)), ("recall", n(c.recall)), ("f1", n(c.f1)), ("support", .integer(c.support))]))
            })),
            ("disposition_confusion", .object(Disposition.allCases.compactMap { g in
                r.confusion[g].map { row in (g.rawValue, .object(Disposition.allCases.compactMap { p in row[p].map { (p.rawValue, .integer($0)) } })) }
            })),
        ]
        if !r.byLanguage.isEmpty {
            fields.append(("by_language", .object(r.byLanguage.keys.sorted().map { ($0, render(r.byLanguage[$0] ?? EvaluationReport())) })))
        }
        if !r.bySubgroup.isEmpty {
            fields.append(("by", .object(r.bySubgroup.keys.sorted().map { division in
                let groups = r.bySubgroup[division] ?? [:]
                return (division, .object(groups.keys.sorted().map { value in
                    let g = groups[value] ?? EvaluationReport()
                    var object = Subgroup.metrics.map { ($0.name, n($0.value(g))) }
                    object.insert(("calls", .integer(g.calls)), at: 0)
                    object.append(("gaps", .array(Subgroup.gaps(g, against: r, threshold: gap).map(JSONValue.string))))
                    return (value, .object(object))
                }))
            })))
        }
        if let rulesAlone { fields.append(("rules_alone", render(rulesAlone, gap: gap))) }
        if let model { fields.append(("model", .string(model))) }
        return .object(fields)
    }
}

/// `triage evaluate`: the figures as a readable report.
enum EvaluationText {
    static func render(_ r: EvaluationReport, title: String = "all calls", gap: Double = 0.05) -> String {
        func pct(_ d: Double) -> String { String(format: "%5.1f %%", d * 100) }
        var out = "== \(title): \(r.calls) calls\n"
        out += "reasons        micro F1 \(pct(r.microF1))   macro F1 \(pct(r.macroF1))\n"
        out += "primary        accuracy \(pct(r.primaryAccuracy))\n"
        out += "disposition    accuracy \(pct(r.dispositionAccuracy))   under-triage \(pct(r.underTriageRate))   over-triage \(pct(r.overTriageRate))\n"
        out += "red flags      recall \(pct(r.redFlags.recall))   precision \(pct(r.redFlags.precision))\n"
        out += "stay home although attend_now/112: \(r.dangerousMisses.isEmpty ? "none" : r.dangerousMisses.joined(separator: ", "))\n"
        out += "denied but reported present: \(r.deniedReportedPresent.isEmpty ? "none" : r.deniedReportedPresent.joined(separator: ", "))\n"
        out += "\nfact                        accuracy   n\n"
        for name in r.facts.keys.sorted() {
            out += name.rawValue.padding(toLength: 28, withPad: " ", startingAt: 0) + pct(r.factAccuracy(name) ?? 0) + String(format: "  %3d\n", r.facts[name]?.total ?? 0)
        }
        out += "\nreason                      precision  recall     F1   support\n"
        for code in r.reasons.keys.sorted() {
            let c = r.reasons[code] ?? .init()
            out += code.padding(toLength: 28, withPad: " ", startingAt: 0) + "\(pct(c.precision))  \(pct(c.recall))  \(pct(c.f1))  \(String(format: "%3d", c.support))\n"
        }
        out += "\ndisposition confusion (rows: answer key, columns: suggested)\n"
        let codes = Disposition.allCases
        out += "".padding(toLength: 15, withPad: " ", startingAt: 0) + codes.map { String($0.rawValue.prefix(11)).padding(toLength: 12, withPad: " ", startingAt: 0) }.joined() + "\n"
        for g in codes {
            out += g.rawValue.padding(toLength: 15, withPad: " ", startingAt: 0)
            out += codes.map { p in String(r.confusion[g]?[p] ?? 0).padding(toLength: 12, withPad: " ", startingAt: 0) }.joined() + "\n"
        }
        for language in r.byLanguage.keys.sorted() {
            if let sub = r.byLanguage[language] {
                out += "\n" + render(sub, title: "language \(language)").split(separator: "\n").prefix(7).joined(separator: "\n") + "\n"
            }
        }
        for division in r.bySubgroup.keys.sorted() {
            out += "\nby \(division) (* = worse than all calls by more than \(String(format: "%.2f", gap)))\n"
            out += "subgroup".padding(toLength: 16, withPad: " ", startingAt: 0) + "calls  " + Subgroup.metrics.map { shortName($0.name).padding(toLength: 11, withPad: " ", startingAt: 0) }.joined() + "\n"
            let groups = r.bySubgroup[division] ?? [:]
            for value in groups.keys.sorted() {
                guard let g = groups[value] else { continue }
                let gaps = Set(Subgroup.gaps(g, against: r, threshold: gap))
                out += value.padding(toLength: 16, withPad: " ", startingAt: 0) + String(format: "%5d  ", g.calls)
                out += Subgroup.metrics.map { m in (pct(m.value(g)) + (gaps.contains(m.name) ? " *" : "  ")).padding(toLength: 11, withPad: " ", startingAt: 0) }.joined() + "\n"
            }
        }
        return out
    }

    static func shortName(_ metric: String) -> String {
        ["red_flag_recall": "flag rec.", "under_triage_rate": "under", "over_triage_rate": "over", "reason_micro_f1": "micro-F1",
         "primary_accuracy": "primary", "disposition_accuracy": "disposit."][metric] ?? metric
    }

    /// The rules with the model against the rules alone, as ratios.
    static func comparison(rules: EvaluationReport, withModel: EvaluationReport) -> String {
        func ratio(_ a: Double, _ b: Double) -> String { b == 0 ? "n/a" : String(format: "%.3f", a / b) }
        return "rules + model against the rules alone: macro-F1 \(ratio(withModel.macroF1, rules.macroF1))×, micro-F1 \(ratio(withModel.microF1, rules.microF1))×, "
            + "primary \(ratio(withModel.primaryAccuracy, rules.primaryAccuracy))×, disposition \(ratio(withModel.dispositionAccuracy, rules.dispositionAccuracy))×, "
            + "red-flag recall \(ratio(withModel.redFlags.recall, rules.redFlags.recall))×"
    }
}
