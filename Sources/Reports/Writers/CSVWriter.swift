import Archive
/// Statistics as CSV that opens cleanly in Excel: UTF-8 with a byte-order mark, a header row, one column per
/// grouping key named after it, then `count`, `share`, `ci_low`, `ci_high`. A suppressed count is "<5"
/// with empty share and interval. Fields holding commas, quotes or line breaks are quoted (RFC 4180).
public enum CSVWriter {
    public static let byteOrderMark = "\u{FEFF}"

    public static func write(_ table: StatsTable, labels: StatsLabels? = nil) -> String {
        var header = table.dimensions.map(\.rawValue)
        if labels != nil { header += table.dimensions.map { "\($0.rawValue)_label" } }
        header += ["count", "share", "ci_low", "ci_high"]
        var lines = [header.map(field).joined(separator: ",")]
        for row in table.rows {
            var cells = row.keys
            if let labels { cells += zip(table.dimensions, row.keys).map { labels.label($1, of: $0) } }
            let interval = table.interval(row)
            cells += [row.suppressed ? "<5" : String(row.count), table.share(row).map(decimal) ?? "",
                      interval.map { decimal($0.lowerBound) } ?? "", interval.map { decimal($0.upperBound) } ?? ""]
            lines.append(cells.map(field).joined(separator: ","))
        }
        return byteOrderMark + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// One field, quoted when it must be.
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func decimal(_ d: Double) -> String { String(format: "%.4f", d) }
}

import Foundation
