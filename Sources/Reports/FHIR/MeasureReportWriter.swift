import Archive
import Foundation
import TriageCore

/// Contact-reason statistics as a FHIR R4 `MeasureReport` of type summary: one group per reason with its
/// count (initial population) and stratifiers for hour of day and weekday. A suppressed count is left out
/// and marked with the data-absent reason `masked`; the `Measure` it reports on is named by a canonical URL
/// of this product; the period is the one asked for, else the months the calls span.
public enum MeasureReportWriter {
    public static let measureURL = "urn:triage:measure:contact-reasons"

    /// `byReason`, `byReasonHour` and `byReasonWeekday` are the (already suppressed) tables to report.
    public static func write(byReason: StatsTable, byReasonHour: StatsTable, byReasonWeekday: StatsTable, taxonomy: Taxonomy,
                             period: (start: String, end: String)?, language: String, now: Date = Date()) -> JSONValue {
        let population = FHIRCoding.concept([FHIRCoding.coding(system: "http://terminology.hl7.org/CodeSystem/measure-population",
                                                               code: "initial-population", display: "Initial Population")])
        func populationEntry(_ row: StatsTable.Row?) -> JSONValue {
            var fields: [(String, JSONValue)] = [("code", population)]
            if let row, !row.suppressed { fields.append(("count", .integer(row.count))) } else if row?.suppressed == true { fields.insert(FHIRCoding.masked, at: 0) }
            return .object(fields)
        }
        func stratifier(_ table: StatsTable, reason: String, name: String, label: (String) -> String) -> JSONValue {
            let strata = table.rows.filter { $0.keys[0] == reason && ($0.suppressed || $0.count > 0) }.map { row in
                JSONValue.object([("value", .object([("text", .string(label(row.keys[1])))])), ("population", .array([populationEntry(row)]))])
            }
            return .object([("code", .array([.object([("text", .string(name))])])), ("stratum", .array(strata))])
        }
        let groups: [JSONValue] = byReason.rows.map { row in
            let reason = row.keys[0]
            return .object([
                ("code", FHIRCoding.reason(reason, taxonomy: taxonomy, language: language)),
                ("population", .array([populationEntry(row)])),
                ("stratifier", .array([
                    stratifier(byReasonHour, reason: reason, name: "hour") { String(format: "%02d", Int($0) ?? 0) },
                    stratifier(byReasonWeekday, reason: reason, name: "weekday") { StatsLabels(taxonomy: taxonomy, language: "en").label($0, of: .weekday) },
                ])),
            ])
        }
        var fields: [(String, JSONValue)] = [
            ("resourceType", .string("MeasureReport")),
            ("id", .string("contact-reasons")),
            ("status", .string("complete")),
            ("type", .string("summary")),
            ("measure", .string(measureURL)),
            ("date", .string(FHIRCoding.instant(now))),
        ]
        let today = String(FHIRCoding.instant(now).prefix(10))
        let (start, end) = period ?? (today, today)
        fields.append(("period", .object([("start", .string(start)), ("end", .string(end))])))
        fields.append(("group", .array(groups)))
        return .object(fields)
    }
}
