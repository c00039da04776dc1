import Archive
import Reports
import TriageCore

/// The coordinator's screen: contact reasons as bars with the weekly trend under them, calls by weekday
/// and hour as a heat map, and dispositions, from the suggestions or the midwives' decisions, for a
/// period and a reason. Local screen: small counts are shown. `e` writes what is shown to CSV.
enum StatisticsScreen {
    static let shown: [(name: String, dimensions: [StatsDimension])] = [
        ("reasons", [.reason]), ("hour-weekday", [.weekday, .hour]), ("weeks", [.week]), ("dispositions", [.disposition]),
    ]

    /// The tables the screen shows under the state's filter, for the model to load.
    static func keys(_ state: AppState, model: DeskModel) -> [DeskModel.StatisticsKey] {
        let source: StatsSource = state.statisticsConfirmed ? .confirmed : .suggested
        let filter = model.statisticsFilter(days: state.statisticsDays, reason: state.statisticsReason, includeReplays: state.statisticsReplays)
        return shown.map { DeskModel.StatisticsKey(dimensions: $0.dimensions, source: source, filter: filter) }
    }

    /// The four tables the screen shows, under the state's filter, as loaded (nil until then).
    static func tables(_ state: AppState, model: DeskModel) -> [(name: String, dimensions: [StatsDimension], table: StatsTable?)] {
        zip(shown, keys(state, model: model)).map { shown, key in
            (shown.name, shown.dimensions, model.statistics(key.dimensions, source: key.source, filter: key.filter))
        }
    }

    /// Counts for every ISO week from the first to the last (`2026-W11`), weeks without calls as 0.
    static func weekly(_ rows: [(week: String, count: Int)]) -> [Double] {
        func parse(_ w: String) -> (Int, Int)? {
            let parts = w.split(separator: "-")
            guard parts.count == 2, let y = Int(parts[0]), let n = Int(parts[1].dropFirst()) else { return nil }
            return (y, n)
        }
        let known = Dictionary(rows.compactMap { r in parse(r.week).map { ($0.0 * 100 + $0.1, r.count) } }, uniquingKeysWith: +)
        guard let first = known.keys.min(), let last = known.keys.max() else { return [] }
        var out: [Double] = []
        var (y, n) = (first / 100, first % 100)
        while y * 100 + n <= last, out.count < 520 {
            out.append(Double(known[y * 100 + n] ?? 0))
            n += 1
            if n > 53 || (n == 53 && known[y * 100 + 53] == nil && y * 100 + 53 < last) { y += 1; n = 1 }
        }
        return out
    }

    static func render(_ state: AppState, model: DeskModel, now: Date, into buffer: inout ScreenBuffer, area: Rect) {
        let lang = state.language
        let source: StatsSource = state.statisticsConfirmed ? .confirmed : .suggested
        let labels = StatsLabels(taxonomy: model.taxonomy, language: lang)
        let shown = tables(state, model: model)
        let (byReason, grid, weeks, dispositions) = (shown[0].table, shown[1].table, shown[2].table, shown[3].table)
        // What is counted: whose reasons, which period, which reason.
        let period = state.statisticsDays.map { "\($0) \(UIText.text("days", lang))" } ?? UIText.text("all calls", lang)
        let reason = state.statisticsReason.flatMap { model.taxonomy.reasons.indices.contains($0) ? model.taxonomy.reasons[$0].label.text(for: lang) : nil }
        // The calls being taken at the desks now, by their suggested disposition (no one's words).
        let live = model.otherDesks.filter { now.timeIntervalSince($0.updatedAt) <= LiveCallRecord.staleAfter }
        let liveText = live.isEmpty ? "" : " · ◉ \(live.count) \(UIText.text("live", lang)): " + live.map { call in
            call.disposition.flatMap { model.taxonomy.definition(of: $0)?.label.text(for: lang) } ?? "–"
        }.joined(separator: ", ")
        let filterLine = "\(UIText.text(source == .confirmed ? "confirmed" : "suggested", lang)) · \(period)" + (reason.map { " · \($0)" } ?? "")
            + (state.statisticsReplays ? " · \(UIText.text("replays counted", lang))" : "") + liveText
        buffer.put(DisplayWidth.truncate(" " + filterLine, to: area.width), x: area.x, y: area.y, style: .bold)
        let body = area.splitTop(1).1
        let (left, right) = body.splitLeft(body.width / 2)
        let (reasonsBox, trendBox) = left.splitTop(max(4, left.height * 2 / 3))
        let title = UIText.text("reasons", lang) + " (n = \(byReason?.total ?? 0))"
        let reasonArea = Frame.draw(into: &buffer, area: reasonsBox, title: title)
        if let t = byReason {
            BarsWidget(bars: t.rows.filter { $0.count > 0 }.map { row in
                BarsWidget.Bar(label: labels.label(row.keys[0], of: .reason), value: Double(row.count),
                               text: "\(row.count) (\(Int(((t.share(row) ?? 0) * 100).rounded())) %)")
            }).render(into: &buffer, area: reasonArea)
        }
        let trendArea = Frame.draw(into: &buffer, area: trendBox, title: UIText.text("by week", lang))
        if let w = weeks, trendArea.height > 0 {
            let rows = w.rows.filter { $0.keys[0] != "unknown" }.sorted { $0.keys[0] < $1.keys[0] }
            let counts = weekly(rows.map { ($0.keys[0], $0.count) })
            SparklineWidget(values: counts).render(into: &buffer, area: Rect(x: trendArea.x, y: trendArea.y, width: trendArea.width, height: 1))
            if let first = rows.first, let last = rows.last, trendArea.height > 1 {
                let peak = Int(counts.max() ?? 0)
                buffer.put(DisplayWidth.truncate("\(first.keys[0]) … \(last.keys[0]) · max \(peak)", to: trendArea.width), x: trendArea.x,
                           y: trendArea.y + 1, style: .dim)
            }
        }
        let (top, bottom) = right.splitTop(right.height / 2)
        let heatArea = Frame.draw(into: &buffer, area: top, title: UIText.text("by hour", lang))
        if let grid {
            var values = Array(repeating: Array(repeating: 0, count: 24), count: 7)
            for row in grid.rows { if let d = Int(row.keys[0]), let h = Int(row.keys[1]), (1...7).contains(d), (0..<24).contains(h) { values[d - 1][h] = row.count } }
            HeatMapWidget(rowLabels: (1...7).map { String(labels.label(String($0), of: .weekday).prefix(3)) },
                          columnLabels: (0..<24).map { String(format: "%02d", $0) }, values: values).render(into: &buffer, area: heatArea)
        }
        let dispositionArea = Frame.draw(into: &buffer, area: bottom, title: UIText.text("dispositions", lang))
        if let t = dispositions {
            let order = Disposition.allCases.map(\.rawValue)
            BarsWidget(bars: t.rows.sorted { (order.firstIndex(of: $0.keys[0]) ?? 9) < (order.firstIndex(of: $1.keys[0]) ?? 9) }.map { row in
                BarsWidget.Bar(label: labels.label(row.keys[0], of: .disposition), value: Double(row.count), text: "\(row.count)",
                               style: Style(foreground: ScreenStyle.banner(row.keys[0]).background))
            }).render(into: &buffer, area: dispositionArea)
        }
    }
}

import Foundation
