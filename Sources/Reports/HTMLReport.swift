import Archive
import Foundation
import TriageCore

/// The coordinators' report: one self-contained HTML page (no external files, scripts or fonts) with the
/// charts as inline SVG — reasons against a published reference, calls by hour and weekday, weekly trends,
/// dispositions — and the same charts as standalone SVG files. Small cells are suppressed unless told not to.
public struct HTMLReport: Sendable {
    public var source: StatsSource
    public var filter: StatsFilter
    public var taxonomy: Taxonomy
    public var language: String
    public var suppress: Bool
    public var reference: ReferenceDistribution?

    public init(source: StatsSource = .suggested, filter: StatsFilter = StatsFilter(), taxonomy: Taxonomy, language: String = "da",
                suppress: Bool = true, reference: ReferenceDistribution? = .manchester2009) {
        self.source = source; self.filter = filter; self.taxonomy = taxonomy; self.language = language
        self.suppress = suppress; self.reference = reference
    }

    /// The page and its charts by file name ("reasons.svg" …).
    public func build(archive: ArchiveSession, now: Date = Date()) throws -> (html: String, charts: [(name: String, svg: String)]) {
        let labels = StatsLabels(taxonomy: taxonomy, language: language)
        let da = language == "da"
        let known = taxonomy.reasons.map(\.code)
        func table(_ dims: [StatsDimension]) throws -> StatsTable {
            let t = try archive.statistics(StatsQuery(dimensions: dims, source: source, filter: filter, knownReasons: known))
            return suppress ? SmallCellSuppression.apply(to: t) : t
        }
        let byReason = try table([.reason])
        let byDisposition = source == .labelled ? nil : try table([.disposition])
        let heat = try table([.weekday, .hour])
        let weekly = try table([.week, .reason])
        var charts: [(String, String)] = []

        // Reasons, with the reference's categories beside them.
        let reasonBars = byReason.rows.filter { $0.count > 0 || $0.suppressed }.map { row in
            BarChart.Bar(label: labels.label(row.keys[0], of: .reason), share: byReason.share(row),
                         text: row.suppressed ? "<5" : String(format: "%d (%.0f %%)", row.count, (byReason.share(row) ?? 0) * 100))
        }
        charts.append(("reasons.svg", BarChart(title: da ? "Kontaktårsager" : "Contact reasons", bars: reasonBars).svg()))
        if let reference {
            let local = reference.localCounts(byReason, language: da ? "da" : "en")
            let total = max(1, local.map(\.count).reduce(0, +))
            let bars = local.map { c -> BarChart.Bar in
                let hidden = suppress && (1..<SmallCellSuppression.threshold).contains(c.count)
                return BarChart.Bar(label: c.name, share: hidden ? nil : Double(c.count) / Double(total),
                                    text: hidden ? "<5" : String(format: "%.0f %%", Double(c.count) / Double(total) * 100)
                                        + (c.reference.map { String(format: " (ref. %.0f %%)", $0 * 100) } ?? ""),
                                    colour: SVG.palette[2], reference: c.reference)
            }
            charts.append(("reference.svg", BarChart(title: da ? "Sammenlignet med en publiceret fordeling" : "Compared with a published distribution",
                                                     bars: bars, referenceLegend: reference.citation.text(for: da ? "da" : "en")).svg()))
        }
        // Calls by weekday and hour.
        var grid = Array(repeating: Array(repeating: Optional(0), count: 24), count: 7)
        for row in heat.rows {
            if let d = Int(row.keys[0]), let h = Int(row.keys[1]), (1...7).contains(d), (0..<24).contains(h) {
                grid[d - 1][h] = row.suppressed ? nil : row.count
            }
        }
        charts.append(("hour-weekday.svg", HeatMap(title: da ? "Opkald efter ugedag og time" : "Calls by weekday and hour",
                                                   rowLabels: (1...7).map { labels.label(String($0), of: .weekday) },
                                                   columnLabels: (0..<24).map { String(format: "%02d", $0) }, values: grid).svg()))
        // Weekly trends of the five most frequent reasons.
        // Every week between the first and the last, so that weeks without calls show as gaps in the line.
        let seen = Set(weekly.rows.map { $0.keys[0] }).filter { $0 != "unknown" }
        let weeks = seen.min().flatMap { first in seen.max().map { LocalDateTime.isoWeeks(from: first, to: $0) } } ?? []
        let top = byReason.rows.filter { $0.count > 0 && !$0.suppressed }.prefix(5).map { $0.keys[0] }
        let series = top.map { code in
            LineChart.Series(name: labels.label(code, of: .reason), values: weeks.map { week in
                guard seen.contains(week) else { return nil }
                guard let row = weekly.rows.first(where: { $0.keys == [week, code] }) else { return 0 }
                return row.suppressed ? nil : row.count
            })
        }
        charts.append(("weekly.svg", LineChart(title: da ? "Udvikling uge for uge" : "Week by week", xLabels: weeks, series: series).svg()))
        // Dispositions.
        if let byDisposition {
            let order = Disposition.allCases.map(\.rawValue)
            let bars = byDisposition.rows.sorted { (order.firstIndex(of: $0.keys[0]) ?? 99) < (order.firstIndex(of: $1.keys[0]) ?? 99) }.map { row in
                BarChart.Bar(label: labels.label(row.keys[0], of: .disposition), share: byDisposition.share(row),
                             text: row.suppressed ? "<5" : String(format: "%d (%.0f %%)", row.count, (byDisposition.share(row) ?? 0) * 100),
                             colour: SVG.colour(ofDisposition: row.keys[0]))
            }
            charts.append(("dispositions.svg", BarChart(title: da ? "Dispositioner" : "Dispositions", bars: bars).svg()))
        }

        let period = [filter.from, filter.to].compactMap { $0 }.joined(separator: " – ")
        let sourceText: String
        switch source {
        case .suggested: sourceText = da ? "assistentens forslag" : "the assistant's suggestions"
        case .confirmed: sourceText = da ? "jordemødrenes afgørelser" : "the midwives' decisions"
        case .labelled: sourceText = da ? "forskernes annoteringer" : "the researchers' labels"
        }
        var html = """
            <!DOCTYPE html>
            <html lang="\(language)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(da ? "Kontaktårsager i fødemodtagelsen" : "Contact reasons at the obstetric reception")</title>
            <style>
            body{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;margin:2em auto;max-width:960px;color:#1f2933;background:#fff}
            h1{font-size:1.6em;margin-bottom:.2em}.meta{color:#52606d;margin-top:0}section{margin:2em 0}
            table{border-collapse:collapse;margin-top:.5em}td,th{padding:.2em .8em;border-bottom:1px solid #e4e7eb;text-align:left}
            td.n{text-align:right}.note{color:#52606d;font-size:.9em}svg{max-width:100%;height:auto}
            </style>
            </head>
            <body>
            <h1>\(da ? "Kontaktårsager i fødemodtagelsen" : "Contact reasons at the obstetric reception")</h1>
            <p class="meta">\(SVG.escape(period.isEmpty ? (da ? "Hele arkivet" : "The whole archive") : period)) · \(byReason.total) \(da ? "opkald" : "calls") · \(SVG.escape(sourceText)) · \(SVG.escape(taxonomy.versionTag))</p>

            """
        for (_, svg) in charts { html += "<section>\n\(svg)</section>\n" }
        html += try qualitySection(archive: archive, charts: &charts)
        html += "<section>\n<h2>\(da ? "Tal" : "Figures")</h2>\n<table>\n<tr><th>\(labels.heading(.reason))</th><th>\(da ? "Antal" : "Count")</th><th>\(da ? "Andel" : "Share")</th><th>95 % \(da ? "KI" : "CI")</th></tr>\n"
        for row in byReason.rows where row.count > 0 || row.suppressed {
            let ci = byReason.interval(row).map { String(format: "%.1f–%.1f %%", $0.lowerBound * 100, $0.upperBound * 100) } ?? ""
            html += "<tr><td>\(SVG.escape(labels.label(row.keys[0], of: .reason)))</td><td class=\"n\">\(row.suppressed ? "&lt;5" : String(row.count))</td>"
                + "<td class=\"n\">\(byReason.share(row).map { String(format: "%.1f %%", $0 * 100) } ?? "")</td><td>\(ci)</td></tr>\n"
        }
        html += "</table>\n"
        html += "<p class=\"note\">"
            + (suppress ? (da ? "Antal fra 1 til 4 vises som &lt;5, og nabotal skjules, så de ikke kan regnes ud. " : "Counts from 1 to 4 show as &lt;5, and neighbouring cells are hidden so they cannot be worked out. ")
                        : (da ? "<strong>Små tal er ikke skjult: kun til lokal brug.</strong> " : "<strong>Small counts are not hidden: for local use only.</strong> "))
            + (da ? "Primær kontaktårsag pr. opkald. Dannet " : "Primary contact reason per call. Made ") + FHIRCoding.instant(now) + ".</p>\n</section>\n</body>\n</html>\n"
        return (html, charts)
    }

    /// How the suggestions fared against the midwives' decisions, week by week: the shares with their intervals,
    /// the incidents against the alarm and the drift of the suggested reasons, with the weekly counts as a chart.
    private func qualitySection(archive: ArchiveSession, charts: inout [(String, String)]) throws -> String {
        let da = language == "da"
        let rows = try archive.quality(QualityQuery(from: filter.from, to: filter.to, includeReplays: filter.includeReplays))
        let incidents = try archive.qualityIncidents(from: filter.from, to: filter.to, includeReplays: filter.includeReplays)
        let reasons = try archive.statistics(StatsQuery(dimensions: [.week, .reason],
                                                        filter: StatsFilter(from: filter.from, to: filter.to, includeReplays: filter.includeReplays)))
        let confidence = ConfidenceDrift.make(try archive.confidenceDistribution(from: filter.from, to: filter.to, includeReplays: filter.includeReplays))
        let report = QualityReport.make(rows: rows, incidents: incidents, incidentAlarm: 3, drift: DriftReport.make(weekByReason: reasons),
                                        confidence: confidence, suppress: suppress)
        var html = "<section>\n<h2>\(da ? "Forslagene mod jordemødrenes afgørelser" : "The suggestions against the midwives' decisions")</h2>\n"
        guard !report.lines.isEmpty else {
            return html + "<p class=\"note\">\(da ? "Ingen afgjorte opkald endnu." : "No decided calls yet.")</p>\n</section>\n"
        }
        let weeks = report.lines.map(\.row.period)
        func series(_ name: String, _ value: (QualityRow) -> Int) -> LineChart.Series {
            LineChart.Series(name: name, values: report.lines.map { $0.suppressed ? nil : value($0.row) })
        }
        let chart = LineChart(title: da ? "Afgjorte opkald uge for uge" : "Decided calls week by week", xLabels: weeks, series: [
            series(da ? "bekræftet" : "confirmed", \.confirmed), series(da ? "mere akut end forslaget" : "more urgent than suggested", \.moreUrgent),
            series(da ? "mindre akut" : "less urgent", \.lessUrgent),
        ]).svg()
        charts.append(("quality.svg", chart))
        html += chart
        html += "<table>\n<tr><th>\(da ? "Uge" : "Week")</th><th>\(da ? "Afgjort" : "Decided")</th><th>\(da ? "Bekræftet" : "Confirmed")</th>"
            + "<th>\(da ? "Mere akut" : "More urgent")</th><th>\(da ? "Mindre akut" : "Less urgent")</th></tr>\n"
        for line in report.lines {
            func cell(_ n: Int) -> String {
                guard !line.suppressed, let share = line.share(n) else { return "<td class=\"n\">&lt;5</td>" }
                let ci = line.interval(n).map { String(format: " (%.0f–%.0f)", $0.lowerBound * 100, $0.upperBound * 100) } ?? ""
                return "<td class=\"n\">\(n) · \(String(format: "%.0f %%", share * 100))\(ci)</td>"
            }
            html += "<tr><td>\(SVG.escape(line.row.period))</td><td class=\"n\">\(line.suppressed ? "&lt;5" : String(line.row.decided))</td>"
                + cell(line.row.confirmed) + cell(line.row.moreUrgent) + cell(line.row.lessUrgent) + "</tr>\n"
        }
        html += "</table>\n"
        let alarmed = report.alarmedWeeks
        html += "<p>\(da ? "Hændelser (afgjort to niveauer mere akut, eller hjemme foreslået og kom ind nu / 112 afgjort)" : "Incidents (decided two levels more urgently, or stay home suggested and attend now / 112 decided)"): "
            + (alarmed.isEmpty ? (da ? "ingen uge over alarmgrænsen." : "no week above the alarm threshold.")
                : "<strong>⚠ \(da ? "alarm i uge" : "alarm in week") \(alarmed.map(SVG.escape).joined(separator: ", "))</strong>") + "</p>\n"
        if let drift = report.drift {
            let alarms = drift.alarms.map(\.week)
            html += "<p>\(da ? "Drift i de foreslåede årsager (PSI mod" : "Drift of the suggested reasons (PSI against") \(SVG.escape(drift.referenceWeeks.first ?? ""))–\(SVG.escape(drift.referenceWeeks.last ?? ""))): "
                + (alarms.isEmpty ? (da ? "ingen alarm." : "no alarm.") : "<strong>⚠ \(alarms.map(SVG.escape).joined(separator: ", "))</strong>") + "</p>\n"
        }
        if let drift = report.confidence?.drift {
            let alarms = drift.alarms.map(\.week)
            html += "<p>\(da ? "Drift i forslagenes sikkerhed (PSI mod" : "Drift of the suggestions' confidence (PSI against") \(SVG.escape(drift.referenceWeeks.first ?? ""))–\(SVG.escape(drift.referenceWeeks.last ?? ""))): "
                + (alarms.isEmpty ? (da ? "ingen alarm." : "no alarm.") : "<strong>⚠ \(alarms.map(SVG.escape).joined(separator: ", "))</strong>") + "</p>\n"
        }
        if !report.conclusions.isEmpty {
            let names: [String: (String, String)] = ["assistant_error": ("assistentens fejl", "assistant error"),
                                                     "transcript_error": ("fejl i udskriften", "transcript error"),
                                                     "midwife_judgement": ("jordemoderens skøn", "midwife's judgement"),
                                                     "unreviewed": ("ikke gennemgået", "not reviewed")]
            html += "<p>\(da ? "Hændelsernes gennemgang" : "The incidents' review"): " + report.conclusions.map { c in
                let name = names[c.conclusion].map { da ? $0.0 : $0.1 } ?? c.conclusion
                return "\(SVG.escape(name)) \(c.count >= SmallCellSuppression.threshold || !suppress ? String(c.count) : "&lt;5")"
            }.joined(separator: " · ") + "</p>\n"
        }
        return html + "</section>\n"
    }
}
