import Archive
import Foundation
import Pseudonymisation
import TriageCore

/// Individual calls as a FHIR R4 `Bundle` (type collection) for the hospital record: per call a
/// pseudonymous `Patient` (an identifier only, never a name or CPR number: the keyed pseudonym of the recording,
/// so holding the recording does not link it to the export, and every resource's id is keyed too), the telephone `Encounter`
/// (class VR virtual, reason codes from the taxonomy with their SNOMED CT / ICPC-2 / ICD-10 codes, priority
/// from the disposition, the deciding midwife as a `Practitioner` named by the keyed pseudonym of her account), an `Observation` per finding and fact
/// (`FactObservations`: LOINC where it has a code), and a `Flag` per red flag.
public enum EncounterBundleWriter {
    /// One call to export: its archive record, the reasons and disposition to report (the midwife's decision
    /// when there is one, else the suggestion), and the suggestion's findings, facts and red flags.
    public struct Item: Sendable {
        public var call: Call
        public var reasons: [String]
        public var disposition: String
        /// "confirmed" or "suggested".
        public var source: String
        /// The stored assessment (its `findings`, `denied`, `facts` and `red_flags`), as JSON text.
        public var assessmentJSON: String?
        /// The account of the midwife who decided, when she has.
        public var decidedBy: String?

        public init(call: Call, reasons: [String], disposition: String, source: String, assessmentJSON: String?, decidedBy: String? = nil) {
            self.call = call; self.reasons = reasons; self.disposition = disposition; self.source = source; self.assessmentJSON = assessmentJSON
            self.decidedBy = decidedBy
        }
    }

    /// FHIR v3-ActPriority for each disposition.
    static func priority(_ disposition: String) -> (code: String, display: String) {
        switch disposition {
        case "emergency_112": return ("EM", "emergency")
        case "attend_now": return ("UR", "urgent")
        case "attend_soon": return ("A", "ASAP")
        default: return ("R", "routine")
        }
    }

    public static func write(_ items: [Item], taxonomy: Taxonomy, language: String, pseudonymiser: Pseudonymiser, now: Date = Date()) -> JSONValue {
        var entries: [JSONValue] = []
        var practitioners = Set<String>()
        for item in items {
            let call = item.call
            // The recording's keyed identity stands for its unsalted hash everywhere in the bundle.
            let identity = pseudonymiser.identity("recording", call.sha256, digits: 64)
            let pseudonym = "call-" + identity.prefix(16)
            let patientURL = FHIRCoding.uuid("patient:" + identity)
            let encounterURL = FHIRCoding.uuid("encounter:" + identity)
            entries.append(entry(patientURL, .object([
                ("resourceType", .string("Patient")),
                ("identifier", .array([.object([("system", .string("urn:triage:pseudonym")), ("value", .string(pseudonym))])])),
            ])))
            var encounter: [(String, JSONValue)] = [
                ("resourceType", .string("Encounter")),
                ("meta", .object([("tag", .array([FHIRCoding.coding(system: "urn:triage:reason-source", code: item.source)]))])),
                ("identifier", .array([.object([("system", .string("urn:triage:call")), ("value", .string(pseudonym))])])),
                ("status", .string("finished")),
                ("class", FHIRCoding.coding(system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "VR", display: "virtual")),
                ("type", .array([FHIRCoding.concept([FHIRCoding.coding(system: "http://snomed.info/sct", code: "185317003", display: "Telephone encounter")])])),
            ]
            let p = priority(item.disposition)
            encounter.append(("priority", FHIRCoding.concept([FHIRCoding.coding(system: "http://terminology.hl7.org/CodeSystem/v3-ActPriority",
                                                                                 code: p.code, display: p.display)],
                                                            text: Disposition(rawValue: item.disposition).flatMap { taxonomy.definition(of: $0)?.label.text(for: language) })))
            encounter.append(("subject", reference(patientURL)))
            if let midwife = item.decidedBy, !midwife.isEmpty {
                // The midwife by the keyed pseudonym of her account: the unit holding the key can tell who, nobody else.
                let practitioner = pseudonymiser.identity("user", midwife)
                let practitionerURL = FHIRCoding.uuid("practitioner:" + practitioner)
                if !practitioners.contains(practitionerURL) {
                    practitioners.insert(practitionerURL)
                    entries.append(entry(practitionerURL, .object([
                        ("resourceType", .string("Practitioner")),
                        ("identifier", .array([.object([("system", .string("urn:triage:user-pseudonym")), ("value", .string("user-" + practitioner))])])),
                    ])))
                }
                encounter.append(("participant", .array([.object([
                    ("type", .array([FHIRCoding.concept([FHIRCoding.coding(system: "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                                                                           code: "ATND", display: "attender")])])),
                    ("individual", reference(practitionerURL)),
                ])])))
            }
            if let started = call.metadata.startedAt {
                var period: [(String, JSONValue)] = [("start", .string(dateTime(started, offset: call.metadata.utcOffsetMinutes)))]
                if let ms = call.durationMs {
                    period.append(("end", .string(dateTime(started, offset: call.metadata.utcOffsetMinutes, plusSeconds: ms / 1000))))
                }
                encounter.append(("period", .object(period)))
            }
            if let ms = call.durationMs {
                encounter.append(("length", .object([("value", .number((Double(ms) / 60000 * 100).rounded() / 100)), ("unit", .string("min")),
                                                     ("system", .string("http://unitsofmeasure.org")), ("code", .string("min"))])))
            }
            encounter.append(("reasonCode", .array(item.reasons.map { FHIRCoding.reason($0, taxonomy: taxonomy, language: language) })))
            entries.append(entry(encounterURL, .object(encounter)))

            let assessment = item.assessmentJSON.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] } ?? [:]
            for (present, key) in [(true, "findings"), (false, "denied")] {
                for finding in assessment[key] as? [[String: Any]] ?? [] {
                    guard let code = finding["code"] as? String else { continue }
                    entries.append(entry(FHIRCoding.uuid("observation:\(identity):\(code)"), .object([
                        ("resourceType", .string("Observation")),
                        ("status", .string("final")),
                        ("code", FHIRCoding.concept([FHIRCoding.coding(system: FHIRCoding.system(taxonomy, "finding"), code: code,
                                                                       display: taxonomy.finding(code)?.label.text(for: language))])),
                        ("subject", reference(patientURL)), ("encounter", reference(encounterURL)),
                        ("valueBoolean", .bool(present)),
                    ])))
                }
            }
            for fact in FactObservations.observations(assessment["facts"] as? [String: Any] ?? [:], taxonomy: taxonomy, language: language) {
                entries.append(entry(FHIRCoding.uuid("observation:\(identity):\(fact.key)"), .object(
                    [("resourceType", .string("Observation")), ("status", .string("final"))] + fact.fields
                        + [("subject", reference(patientURL)), ("encounter", reference(encounterURL))])))
            }
            for flag in assessment["red_flags"] as? [[String: Any]] ?? [] {
                guard let code = flag["code"] as? String else { continue }
                entries.append(entry(FHIRCoding.uuid("flag:\(identity):\(code)"), .object([
                    ("resourceType", .string("Flag")),
                    ("status", .string("active")),
                    ("code", FHIRCoding.concept([FHIRCoding.coding(system: FHIRCoding.system(taxonomy, "red-flag"), code: code,
                                                                   display: taxonomy.redFlag(code)?.label.text(for: language))],
                                                text: taxonomy.redFlag(code)?.label.text(for: language))),
                    ("subject", reference(patientURL)), ("encounter", reference(encounterURL)),
                ])))
            }
        }
        return .object([("resourceType", .string("Bundle")), ("type", .string("collection")),
                        ("timestamp", .string(FHIRCoding.instant(now))), ("entry", .array(entries))])
    }

    static func entry(_ url: String, _ resource: JSONValue) -> JSONValue { .object([("fullUrl", .string(url)), ("resource", resource)]) }
    static func reference(_ url: String) -> JSONValue { .object([("reference", .string(url))]) }

    /// A FHIR dateTime with a time zone: the call's offset when known, else the hospital's (Europe/Copenhagen).
    static func dateTime(_ t: LocalDateTime, offset: Int?, plusSeconds: Int = 0) -> String {
        var components = DateComponents()
        (components.year, components.month, components.day) = (t.year, t.month, t.day)
        (components.hour, components.minute, components.second) = (t.hour, t.minute, t.second)
        var calendar = Calendar(identifier: .gregorian)
        let zone = offset.flatMap { TimeZone(secondsFromGMT: $0 * 60) } ?? TimeZone(identifier: "Europe/Copenhagen") ?? TimeZone.current
        calendar.timeZone = zone
        let date = (calendar.date(from: components) ?? Date()).addingTimeInterval(TimeInterval(plusSeconds))
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = zone
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
