import Archive
import TriageCore

/// Statistics as a JSON array of objects with the CSV's keys; a suppressed count is the string "<5"
/// and its share and interval are null.
public enum StatsJSONWriter {
    public static func write(_ table: StatsTable) -> String {
        JSONValue.array(table.rows.map { row in
            var fields: [(String, JSONValue)] = zip(table.dimensions, row.keys).map { d, v in
                (d.rawValue, d.isNumeric ? (Int(v).map(JSONValue.integer) ?? .string(v)) : .string(v))
            }
            let interval = table.interval(row)
            fields += [("count", row.suppressed ? .string("<5") : .integer(row.count)),
                       ("share", table.share(row).map { .number(rounded($0)) } ?? .null),
                       ("ci_low", interval.map { .number(rounded($0.lowerBound)) } ?? .null),
                       ("ci_high", interval.map { .number(rounded($0.upperBound)) } ?? .null)]
            return .object(fields)
        }).rendered(pretty: true)
    }

    static func rounded(_ d: Double) -> Double { (d * 10000).rounded() / 10000 }
}
