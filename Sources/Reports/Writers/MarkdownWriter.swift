import Archive
import Foundation

/// Statistics as a Markdown table for reports and e-mails, with readable labels, shares in percent and
/// the 95 % interval, and a line on what was counted and hidden.
public enum MarkdownWriter {
    public static func write(_ table: StatsTable, labels: StatsLabels) -> String {
        let da = labels.language == "da"
        var out = "| " + table.dimensions.map(labels.heading).joined(separator: " | ")
            + (da ? " | Antal | Andel | 95 % KI |\n" : " | Count | Share | 95 % CI |\n")
        out += "|" + String(repeating: "---|", count: table.dimensions.count) + "---:|---:|---|\n"
        for row in table.rows {
            let keys = zip(table.dimensions, row.keys).map { labels.label($1, of: $0).replacingOccurrences(of: "|", with: "\\|") }
            let share = table.share(row).map { String(format: "%.1f %%", $0 * 100) } ?? ""
            let ci = table.interval(row).map { String(format: "%.1f–%.1f %%", $0.lowerBound * 100, $0.upperBound * 100) } ?? ""
            out += "| " + keys.joined(separator: " | ") + " | \(row.suppressed ? "<5" : String(row.count)) | \(share) | \(ci) |\n"
        }
        let hidden = table.rows.filter(\.suppressed).count
        out += "\n" + (da ? "\(table.total) opkald (\(table.source.rawValue))." : "\(table.total) calls (\(table.source.rawValue)).")
        if table.allReasons { out += da ? " Et opkald med flere årsager tæller under hver." : " A call with several reasons counts under each." }
        if hidden > 0 {
            out += da ? " \(hidden) celler er skjult (<5 eller for at de ikke kan regnes ud)." : " \(hidden) cells are hidden (<5, or so they cannot be worked out)."
        }
        return out + "\n"
    }
}
