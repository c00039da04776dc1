import Archive
import Foundation
import TriageCore

/// The code systems and small helpers the FHIR writers share.
enum FHIRCoding {
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

    /// An instant in FHIR's form, UTC.
    static func instant(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
