import Archive
/// Statistics as CSV that opens cleanly in Excel: UTF-8 with a byte-order mark, a header row, one column per
/// grouping key named after it, then `count`, `share`, `ci_low`, `ci_high`. A suppressed count is "<5"
/// with empty share and interval. Fields holding commas, quotes or line breaks are quoted (RFC 4180).
public enum CSVWriter {
    public static let byteOrderMark = "\u{FEFF}"

    /// How the file separates fields and writes decimals.
    public enum Dialect: Sendable {
        /// Commas and decimal points (RFC 4180; Excel in English).
        case standard
        /// Semicolons and decimal commas: what Excel set to Danish opens into columns.
        case danishExcel

        var separator: Character { self == .standard ? "," : ";" }
    }

    public static func write(_ table: StatsTable, labels: StatsLabels? = nil, dialect: Dialect = .standard) -> String {
        var header = table.dimensions.map(\.rawValue)
        if labels != nil { header += table.dimensions.map { "\($0.rawValue)_label" } }
        header += ["count", "share", "ci_low", "ci_high"]
        let separator = String(dialect.separator)
        var lines = [header.map { field($0, dialect: dialect) }.joined(separator: separator)]
        for row in table.rows {
            var cells = row.keys
            if let labels { cells += zip(table.dimensions, row.keys).map { labels.label($1, of: $0) } }
            let interval = table.interval(row)
            cells += [row.suppressed ? "<5" : String(row.count), table.share(row).map { decimal($0, dialect) } ?? "",
                      interval.map { decimal($0.lowerBound, dialect) } ?? "", interval.map { decimal($0.upperBound, dialect) } ?? ""]
            lines.append(cells.map { field($0, dialect: dialect) }.joined(separator: separator))
        }
        return byteOrderMark + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// One field, quoted when it must be.
    public static func field(_ text: String, dialect: Dialect = .standard) -> String {
        guard text.contains(where: { $0 == dialect.separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func decimal(_ d: Double, _ dialect: Dialect = .standard) -> String {
        let text = String(format: "%.4f", d)
        return dialect == .standard ? text : text.replacingOccurrences(of: ".", with: ",")
    }
}

import Foundation
