import Archive
import Foundation
import TriageCore

/// The quality figures as a FHIR R4 `MeasureReport` of type summary: one group per outcome (the midwife confirmed the
/// suggestion, decided more urgently, decided less urgently) with its denominator (decided calls), numerator and score
/// (the share), each stratified by period. A suppressed row's figures are left out and marked `masked`; the
/// totals are of the rows shown.
public enum QualityMeasureReportWriter {
    public static let measureURL = "urn:triage:measure:suggestion-quality"

    public static func write(_ report: QualityReport, period: (start: String, end: String)?, now: Date = Date()) -> JSONValue {
        func population(_ code: String, _ display: String, _ count: Int) -> JSONValue {
            .object([("code", FHIRCoding.concept([FHIRCoding.coding(system: "http://terminology.hl7.org/CodeSystem/measure-population",
                                                                    code: code, display: display)])),
                     ("count", .integer(count))])
        }
        func figures(_ decided: Int, _ count: Int) -> [(String, JSONValue)] {
            var fields: [(String, JSONValue)] = [("population", .array([population("denominator", "Denominator", decided),
                                                                        population("numerator", "Numerator", count)]))]
            if decided > 0 { fields.append(("measureScore", .object([("value", .number(Double(count) / Double(decided)))]))) }
            return fields
        }
        let shown = report.lines.filter { !$0.suppressed }
        let outcomes: [(code: String, text: String, count: (QualityRow) -> Int)] = [
            ("confirmed", "The midwife decided what the assistant suggested", \.confirmed),
            ("more-urgent", "The midwife decided more urgently than suggested (possible under-triage)", \.moreUrgent),
            ("less-urgent", "The midwife decided less urgently than suggested (over-triage)", \.lessUrgent),
        ]
        let groups: [JSONValue] = outcomes.map { outcome in
            let decided = shown.map(\.row.decided).reduce(0, +), count = shown.map { outcome.count($0.row) }.reduce(0, +)
            let strata: [JSONValue] = report.lines.map { line in
                .object([("value", .object([("text", .string(line.row.group == "all" ? line.row.period : "\(line.row.period) \(line.row.group)"))]))]
                    + (line.suppressed ? [FHIRCoding.masked] : figures(line.row.decided, outcome.count(line.row))))
            }
            return .object([("code", .object([("coding", .array([FHIRCoding.coding(system: measureURL, code: outcome.code)])), ("text", .string(outcome.text))]))]
                + figures(decided, count) + [("stratifier", .array([.object([("code", .array([.object([("text", .string("period"))])])),
                                                                             ("stratum", .array(strata))])]))])
        }
        let today = String(FHIRCoding.instant(now).prefix(10))
        let (start, end) = period ?? FHIRCoding.period(covering: report.lines.map(\.row.period)) ?? (today, today)
        return .object([
            ("resourceType", .string("MeasureReport")), ("id", .string("suggestion-quality")), ("status", .string("complete")),
            ("type", .string("summary")), ("measure", .string(measureURL)), ("date", .string(FHIRCoding.instant(now))),
            ("period", .object([("start", .string(start)), ("end", .string(end))])), ("group", .array(groups)),
        ])
    }
}
