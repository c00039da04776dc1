import Archive
import Foundation
import TriageCore

/// The code systems and small helpers the FHIR writers share.
public enum FHIRCoding {
    /// The taxonomy as a FHIR code system URI, per kind of code ("reason", "finding", "red-flag", "fact").
    static func system(_ taxonomy: Taxonomy, _ kind: String) -> String { "urn:triage:taxonomy:\(taxonomy.id):\(kind)" }

    static func coding(system: String, code: String, display: String? = nil, version: String? = nil) -> JSONValue {
        var fields: [(String, JSONValue)] = [("system", .string(system))]
        if let version { fields.append(("version", .string(version))) }
        fields.append(("code", .string(code)))
        if let display, !display.isEmpty { fields.append(("display", .string(display))) }
        return .object(fields)
    }

    static func concept(_ codings: [JSONValue], text: String? = nil) -> JSONValue {
        var fields: [(String, JSONValue)] = [("coding", .array(codings))]
        if let text { fields.append(("text", .string(text))) }
        return .object(fields)
    }

    /// A contact reason with its external codes (SNOMED CT, ICPC-2, ICD-10) beside the taxonomy's own.
    static func reason(_ code: String, taxonomy: Taxonomy, language: String) -> JSONValue {
        let reason = taxonomy.reason(code)
        var codings = [coding(system: system(taxonomy, "reason"), code: code, display: reason?.label.text(for: language), version: taxonomy.version)]
        for external in reason?.externalCodes ?? [] {
            codings.append(coding(system: external.system.uri, code: external.code, display: external.display))
        }
        return concept(codings, text: reason?.label.text(for: language) ?? code)
    }

    /// A stable `urn:uuid:` for a name, so the same call always exports the same references.
    static func uuid(_ name: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var hash2: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in name.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            hash2 = (hash2 &* 31) ^ UInt64(byte)
        }
        let hex = String(format: "%016llx%016llx", hash, hash2)
        let c = Array(hex)
        return "urn:uuid:\(String(c[0..<8]))-\(String(c[8..<12]))-5\(String(c[13..<16]))-a\(String(c[17..<20]))-\(String(c[20..<32]))"
    }

    /// The extension that says a value is left out on purpose (a small cell suppressed), FHIR's `masked`.
    static let masked: (String, JSONValue) = ("extension", .array([.object([
        ("url", .string("http://hl7.org/fhir/StructureDefinition/data-absent-reason")), ("valueCode", .string("masked")),
    ])]))

    /// The first and last day of the periods `periods` span, months ("2026-03") or ISO weeks ("2026-W14"), for
    /// a report's period; nil when there are none.
    public static func period(covering periods: [String]) -> (start: String, end: String)? {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let spans = periods.compactMap { p -> (Date, Date)? in
            let parts = p.split(separator: "-")
            guard parts.count == 2, let year = Int(parts[0]), (1...9999).contains(year) else { return nil }
            if parts[1].hasPrefix("W"), let week = Int(parts[1].dropFirst()), (1...53).contains(week),
               let monday = calendar.date(from: DateComponents(weekday: 2, weekOfYear: week, yearForWeekOfYear: year)),
               let sunday = calendar.date(byAdding: .day, value: 6, to: monday) {
                return (monday, sunday)
            }
            guard let month = Int(parts[1]), (1...12).contains(month),
                  let first = calendar.date(from: DateComponents(year: year, month: month, day: 1)),
                  let days = calendar.range(of: .day, in: .month, for: first)?.count,
                  let last = calendar.date(byAdding: .day, value: days - 1, to: first) else { return nil }
            return (first, last)
        }
        guard let start = spans.map(\.0).min(), let end = spans.map(\.1).max() else { return nil }
        let formatter = DateFormatter()
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = calendar.timeZone
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return (formatter.string(from: start), formatter.string(from: end))
    }

    /// An instant in FHIR's form, UTC.
    static func instant(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
