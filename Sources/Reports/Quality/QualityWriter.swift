import Archive
import Foundation

/// The quality report as a terminal table, CSV (UTF-8 with BOM, for Excel) or JSON. Suppressed rows show `<5` and no
/// shares.
public enum QualityWriter {
    public static func text(_ report: QualityReport, split: QualityQuery.Split) -> String {
        var out = ["period    \(split == .none ? "" : split.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0) + " ")decided  confirmed              more urgent            less urgent"]
        for line in report.lines {
            let r = line.row
            let group = split == .none ? "" : r.group.padding(toLength: 22, withPad: " ", startingAt: 0) + " "
            guard !line.suppressed else {
                out.append("\(r.period.padding(toLength: 10, withPad: " ", startingAt: 0))\(group)     <5  (suppressed: fewer than 5 in a cell)")
                continue
            }
            func cell(_ n: Int) -> String {
                let share = line.share(n).map { String(format: "%5.1f %%", $0 * 100) } ?? "    –"
                let ci = line.interval(n).map { String(format: "[%4.1f–%4.1f]", $0.lowerBound * 100, $0.upperBound * 100) } ?? ""
                return "\(String(format: "%4d", n)) \(share) \(ci)".padding(toLength: 23, withPad: " ", startingAt: 0)
            }
            out.append("\(r.period.padding(toLength: 10, withPad: " ", startingAt: 0))\(group)\(String(format: "%7d", r.decided))  "
                + "\(cell(r.confirmed))\(cell(r.moreUrgent))\(cell(r.lessUrgent))")
        }
        let incidents = report.incidentsPerWeek.map(\.count).reduce(0, +)
        out.append("")
        out.append("incidents (decided ≥ 2 levels more urgently, or stay-home suggested and attend now / 112 decided): "
            + (incidents == 0 || incidents >= SmallCellSuppression.threshold ? String(incidents) : "<5"))
        for (week, count) in report.incidentsPerWeek {
            out.append("  \(week)  \(count >= SmallCellSuppression.threshold ? String(count) : "<5")\(count >= report.incidentAlarm ? "  ⚠ ALARM (≥ \(report.incidentAlarm) a week)" : "")")
        }
        if !report.conclusions.isEmpty {
            out.append("  reviewed: " + report.conclusions.map { "\($0.conclusion) \(small($0.count))" }.joined(separator: " · "))
        }
        if let drift = report.drift {
            out.append("")
            out.append("drift of the suggested reasons (PSI against \(drift.referenceWeeks.first ?? "")…\(drift.referenceWeeks.last ?? ""); "
                + "warning > \(DriftReport.warningAbove), alarm > \(DriftReport.alarmAbove)):")
            for week in drift.weeks {
                out.append("  \(week.week)  \(String(format: "%6d", week.calls)) calls  PSI \(String(format: "%.3f", week.psi))  "
                    + (week.level == .alarm ? "⚠ ALARM" : week.level.rawValue))
            }
        }
        if let confidence = report.confidence {
            out.append("")
            out.append("the suggestions' confidence per week (bins \(ConfidenceDrift.label(0)) … \(ConfidenceDrift.label(ConfidenceCount.bins - 1)))"
                + (confidence.drift.map { d in "; PSI against \(d.referenceWeeks.first ?? "")…\(d.referenceWeeks.last ?? "")" } ?? "") + ":")
            let judged = Dictionary((confidence.drift?.weeks ?? []).map { ($0.week, $0) }, uniquingKeysWith: { a, _ in a })
            for week in confidence.weeks {
                let bins = week.counts.map { small($0).padding(toLength: 5, withPad: " ", startingAt: 0) }.joined()
                let verdict = judged[week.week].map { "  PSI \(String(format: "%.3f", $0.psi))  " + ($0.level == .alarm ? "⚠ ALARM" : $0.level.rawValue) }
                    ?? (confidence.drift?.referenceWeeks.contains(week.week) == true ? "  reference" : "")
                out.append("  \(week.week)  \(bins)\(verdict)")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A count as shown in an aggregate: 1 to 4 as `<5`.
    public static func small(_ n: Int) -> String { n == 0 || n >= SmallCellSuppression.threshold ? String(n) : "<5" }

    /// The confidence distribution and its drift as CSV (UTF-8 with BOM): a row a week, a column a bin.
    public static func confidenceCSV(_ report: QualityReport) -> String {
        var lines = ["week,calls," + (0..<ConfidenceCount.bins).map { "bin_\(ConfidenceDrift.label($0))" }.joined(separator: ",") + ",psi,level"]
        let judged = Dictionary((report.confidence?.drift?.weeks ?? []).map { ($0.week, $0) }, uniquingKeysWith: { a, _ in a })
        for week in report.confidence?.weeks ?? [] {
            let verdict = judged[week.week]
            lines.append(([CSVWriter.field(week.week), small(week.total)] + week.counts.map(small)
                + [verdict.map { String(format: "%.4f", $0.psi) } ?? "",
                   verdict?.level.rawValue ?? (report.confidence?.drift?.referenceWeeks.contains(week.week) == true ? "reference" : "")]).joined(separator: ","))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    public static func csv(_ report: QualityReport) -> String {
        var lines = ["period,group,decided,confirmed,confirmed_share,confirmed_ci_low,confirmed_ci_high,more_urgent,more_urgent_share,"
            + "more_urgent_ci_low,more_urgent_ci_high,less_urgent,less_urgent_share,less_urgent_ci_low,less_urgent_ci_high"]
        for line in report.lines {
            let r = line.row
            var cells = [CSVWriter.field(r.period), CSVWriter.field(r.group)]
            if line.suppressed {
                cells += ["<5"] + Array(repeating: "", count: 12)
            } else {
                cells.append(String(r.decided))
                for n in [r.confirmed, r.moreUrgent, r.lessUrgent] {
                    let ci = line.interval(n)
                    cells += [String(n), line.share(n).map { String(format: "%.4f", $0) } ?? "",
                              ci.map { String(format: "%.4f", $0.lowerBound) } ?? "", ci.map { String(format: "%.4f", $0.upperBound) } ?? ""]
                }
            }
            lines.append(cells.joined(separator: ","))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    public static func json(_ report: QualityReport) throws -> String {
        let lines: [[String: Any]] = report.lines.map { line in
            let r = line.row
            guard !line.suppressed else { return ["period": r.period, "group": r.group, "suppressed": true] }
            func figure(_ n: Int) -> [String: Any] {
                var f: [String: Any] = ["count": n]
                if let s = line.share(n) { f["share"] = s }
                if let ci = line.interval(n) { f["ci95"] = [ci.lowerBound, ci.upperBound] }
                return f
            }
            return ["period": r.period, "group": r.group, "decided": r.decided, "confirmed": figure(r.confirmed),
                    "more_urgent": figure(r.moreUrgent), "less_urgent": figure(r.lessUrgent)]
        }
        var object: [String: Any] = [
            "rows": lines,
            "incidents_per_week": report.incidentsPerWeek.map { ["week": $0.week, "count": $0.count >= SmallCellSuppression.threshold ? $0.count as Any : "<5",
                                                                 "alarm": $0.count >= report.incidentAlarm] },
            "incident_alarm": report.incidentAlarm,
        ]
        if let drift = report.drift {
            object["drift"] = ["reference_weeks": drift.referenceWeeks, "warning_above": DriftReport.warningAbove, "alarm_above": DriftReport.alarmAbove,
                               "weeks": drift.weeks.map { ["week": $0.week, "calls": $0.calls, "psi": $0.psi, "level": $0.level.rawValue] }]
        }
        object["incident_conclusions"] = Dictionary(report.conclusions.map { ($0.conclusion, $0.count >= SmallCellSuppression.threshold ? $0.count as Any : "<5") },
                                                    uniquingKeysWith: { a, _ in a })
        if let confidence = report.confidence {
            var drift: [String: Any] = ["bins": (0..<ConfidenceCount.bins).map(ConfidenceDrift.label),
                                        "distribution": confidence.weeks.map { w in
                                            ["week": w.week, "calls": w.total >= SmallCellSuppression.threshold ? w.total as Any : "<5",
                                             "counts": w.counts.map { $0 == 0 || $0 >= SmallCellSuppression.threshold ? $0 as Any : "<5" }] as [String: Any]
                                        }]
            if let d = confidence.drift {
                drift["reference_weeks"] = d.referenceWeeks
                drift["weeks"] = d.weeks.map { ["week": $0.week, "calls": $0.calls == 0 || $0.calls >= SmallCellSuppression.threshold ? $0.calls as Any : "<5",
                                                "psi": $0.psi, "level": $0.level.rawValue] }
            }
            object["confidence_drift"] = drift
        }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
