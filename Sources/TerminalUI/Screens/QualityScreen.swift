import Archive
import Foundation
import Reports
import TriageCore

/// The coordinator's quality screen: per ISO week (or month, `m`) the shares of decided calls where the midwife
/// confirmed the suggestion, decided more urgently or less urgently, as a line chart and a table, the incidents per
/// week against the alarm, and the alarms of the reasons' and the confidence's drift. Counts only; a local screen, so
/// small counts are shown.
enum QualityScreen {
    /// Incidents in a week that raise the alarm (as `triage quality`'s default).
    static let incidentAlarm = 3

    /// The figures the screen shows, read from the archive (every role that reads statistics).
    static func load(monthly: Bool, archive: ArchiveSession) throws -> QualityReport {
        let rows = try archive.quality(QualityQuery(period: monthly ? .month : .week))
        let reasons = try archive.statistics(StatsQuery(dimensions: [.week, .reason]))
        return QualityReport.make(rows: rows, incidents: try archive.qualityIncidents(), incidentAlarm: incidentAlarm,
                                  drift: DriftReport.make(weekByReason: reasons), confidence: ConfidenceDrift.make(try archive.confidenceDistribution()),
                                  suppress: false)
    }

    static let confirmedStyle = Style(foreground: .green)
    static let moreStyle = Style(foreground: .red)
    static let lessStyle = Style(foreground: .yellow)

    static func render(_ state: AppState, model: DeskModel, into buffer: inout ScreenBuffer, area: Rect) {
        let lang = state.language
        guard let report = model.quality(monthly: state.qualityMonthly) else { return }
        let decided = report.lines.map(\.row.decided).reduce(0, +)
        let incidents = report.incidentsPerWeek.map(\.count).reduce(0, +)
        let heading = "\(UIText.text(state.qualityMonthly ? "per month" : "per week", lang)) · \(decided) \(UIText.text("decided calls", lang)) · "
            + "\(incidents) \(UIText.text("incidents", lang))"
        buffer.put(DisplayWidth.truncate(" " + heading, to: area.width), x: area.x, y: area.y, style: .bold)
        var body = area.splitTop(1).1
        guard !report.lines.isEmpty else {
            buffer.put(UIText.text("no decided calls", lang), x: body.x + 2, y: body.y + 1, style: .dim)
            return
        }
        // The alarms, loud, at the bottom.
        let alarms = alarmLines(report, lang: lang)
        let (main, alarmArea) = body.splitTop(max(0, body.height - max(1, alarms.count)))
        for (i, line) in alarms.enumerated() where i < alarmArea.height {
            let loud = line.hasPrefix("⚠")
            buffer.put(DisplayWidth.truncate(" " + line, to: alarmArea.width), x: alarmArea.x, y: alarmArea.y + i,
                       style: loud ? Style(foreground: .red, bold: true) : Style(foreground: .green))
        }
        body = main
        let (chartBox, tableBox) = body.splitLeft(body.width / 2)
        let chartArea = Frame.draw(into: &buffer, area: chartBox, title: UIText.text("agreement", lang))
        let (plotArea, legendArea) = chartArea.splitTop(max(0, chartArea.height - 1))
        LineChartWidget(series: [
            .init(values: report.lines.map { $0.share($0.row.confirmed) }, mark: "●", style: confirmedStyle),
            .init(values: report.lines.map { $0.share($0.row.lessUrgent) }, mark: "▼", style: lessStyle),
            .init(values: report.lines.map { $0.share($0.row.moreUrgent) }, mark: "▲", style: moreStyle),
        ]).render(into: &buffer, area: plotArea)
        var x = legendArea.x
        for (mark, key, style) in [("●", "confirmed-share", confirmedStyle), ("▲", "more urgent", moreStyle), ("▼", "less urgent", lessStyle)] {
            x = buffer.put("\(mark) \(UIText.text(key, lang))  ", x: x, y: legendArea.y, style: style, maxX: legendArea.maxX)
        }
        let tableArea = Frame.draw(into: &buffer, area: tableBox, title: UIText.text(state.qualityMonthly ? "months" : "weeks", lang))
        let perWeek = Dictionary(report.incidentsPerWeek.map { ($0.week, $0.count) }, uniquingKeysWith: +)
        func percent(_ line: QualityReport.Line, _ n: Int) -> String { line.share(n).map { "\(Int(($0 * 100).rounded())) %" } ?? "–" }
        let rows = report.lines.map { line -> [String] in
            let r = line.row
            let found = state.qualityMonthly ? "" : (perWeek[r.period].map { "\($0)" + ($0 >= report.incidentAlarm ? " ⚠" : "") } ?? "0")
            return [r.period, "\(r.decided)", percent(line, r.confirmed), percent(line, r.moreUrgent), percent(line, r.lessUrgent), found]
        }
        let styles = report.lines.map { line -> Style in
            !state.qualityMonthly && (perWeek[line.row.period] ?? 0) >= report.incidentAlarm ? Style(foreground: .red, bold: true) : .plain
        }
        TableWidget(headers: [UIText.text(state.qualityMonthly ? "month" : "week", lang), "n", UIText.text("confirmed-short", lang),
                              UIText.text("more-short", lang), UIText.text("less-short", lang), state.qualityMonthly ? "" : UIText.text("incidents-short", lang)],
                    rows: rows, selected: nil, rowStyles: styles)
            .render(into: &buffer, area: tableArea)
    }

    /// The incident alarms and both drifts' alarms, a line each (`⚠` first), or one line saying all is calm.
    static func alarmLines(_ report: QualityReport, lang: String) -> [String] {
        var lines: [String] = []
        if !report.alarmedWeeks.isEmpty {
            lines.append("⚠ \(UIText.text("incident alarm", lang)) (≥ \(report.incidentAlarm)): " + report.alarmedWeeks.joined(separator: ", "))
        }
        if let drift = report.drift, !drift.alarms.isEmpty {
            lines.append("⚠ \(UIText.text("reason drift", lang)): " + drift.alarms.map { "\($0.week) PSI \(psi($0.psi))" }.joined(separator: ", "))
        }
        if let drift = report.confidence?.drift, !drift.alarms.isEmpty {
            lines.append("⚠ \(UIText.text("confidence drift", lang)): " + drift.alarms.map { "\($0.week) PSI \(psi($0.psi))" }.joined(separator: ", "))
        }
        return lines.isEmpty ? ["✔ " + UIText.text("no alarms", lang)] : lines
    }

    static func psi(_ value: Double) -> String { String(format: "%.2f", value) }
}
