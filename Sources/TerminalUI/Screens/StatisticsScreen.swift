import Reports
import TriageCore

/// The coordinator's screen: contact reasons and dispositions as bars, and calls by weekday and hour as a
/// heat map, from the suggestions or the midwives' decisions. Local screen: small counts are shown.
enum StatisticsScreen {
    static func render(_ state: AppState, model: DeskModel, into buffer: inout ScreenBuffer, area: Rect) {
        let lang = state.language
        let source: StatsSource = state.statisticsConfirmed ? .confirmed : .suggested
        let labels = StatsLabels(taxonomy: model.taxonomy, language: lang)
        let (left, right) = area.splitLeft(area.width / 2)
        let byReason = model.statistics([.reason], source: source)
        let title = UIText.text("reasons", lang) + " (\(UIText.text(source == .confirmed ? "confirmed" : "suggested", lang)), n = \(byReason?.total ?? 0))"
        let reasonArea = Frame.draw(into: &buffer, area: left, title: title)
        if let t = byReason {
            BarsWidget(bars: t.rows.filter { $0.count > 0 }.map { row in
                BarsWidget.Bar(label: labels.label(row.keys[0], of: .reason), value: Double(row.count),
                               text: "\(row.count) (\(Int(((t.share(row) ?? 0) * 100).rounded())) %)")
            }).render(into: &buffer, area: reasonArea)
        }
        let (top, bottom) = right.splitTop(right.height / 2)
        let heatArea = Frame.draw(into: &buffer, area: top, title: UIText.text("by hour", lang))
        if let grid = model.statistics([.weekday, .hour], source: source) {
            var values = Array(repeating: Array(repeating: 0, count: 24), count: 7)
            for row in grid.rows { if let d = Int(row.keys[0]), let h = Int(row.keys[1]), (1...7).contains(d), (0..<24).contains(h) { values[d - 1][h] = row.count } }
            HeatMapWidget(rowLabels: (1...7).map { String(labels.label(String($0), of: .weekday).prefix(3)) },
                          columnLabels: (0..<24).map { String(format: "%02d", $0) }, values: values).render(into: &buffer, area: heatArea)
        }
        let dispositionArea = Frame.draw(into: &buffer, area: bottom, title: UIText.text("dispositions", lang))
        if let t = model.statistics([.disposition], source: source) {
            let order = Disposition.allCases.map(\.rawValue)
            BarsWidget(bars: t.rows.sorted { (order.firstIndex(of: $0.keys[0]) ?? 9) < (order.firstIndex(of: $1.keys[0]) ?? 9) }.map { row in
                BarsWidget.Bar(label: labels.label(row.keys[0], of: .disposition), value: Double(row.count), text: "\(row.count)",
                               style: Style(foreground: ScreenStyle.banner(row.keys[0]).background))
            }).render(into: &buffer, area: dispositionArea)
        }
    }
}

import Foundation
