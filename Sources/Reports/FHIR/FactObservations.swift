import Foundation
import TriageCore

/// A call's facts as FHIR Observations: with their LOINC codes where LOINC has one (gestational age as one
/// quantity in weeks, the blood pressure as a panel of systolic and diastolic components, the body
/// temperature), quantities in UCUM units, choices as coded values of the taxonomy, and the rest under the
/// taxonomy's own fact codes.
enum FactObservations {
    static let loinc = "http://loinc.org", ucum = "http://unitsofmeasure.org"

    /// One observation's code, category and value fields (the writer adds status, subject and encounter).
    struct Observation {
        var key: String
        var fields: [(String, JSONValue)]
    }

    /// UCUM for the taxonomy's units.
    static func ucumCode(_ unit: String) -> String? {
        switch unit {
        case "min", "s", "h", "d": return unit
        case "°C": return "Cel"
        case "mmHg": return "mm[Hg]"
        default: return nil
        }
    }

    static func quantity(_ value: Double, unit: String?) -> JSONValue {
        var fields: [(String, JSONValue)] = [("value", .number(value))]
        if let unit {
            fields.append(("unit", .string(unit)))
            if let code = ucumCode(unit) { fields += [("system", .string(ucum)), ("code", .string(code))] }
        }
        return .object(fields)
    }

    static let vitalSigns = JSONValue.array([FHIRCoding.concept([FHIRCoding.coding(
        system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "vital-signs", display: "Vital Signs")])])

    /// The observations of `facts` (name → value as the stored assessment holds it), in a stable order.
    static func observations(_ facts: [String: Any], taxonomy: Taxonomy, language: String) -> [Observation] {
        var out: [Observation] = []
        var rest = facts.filter { !($0.value is NSNull) }
        func number(_ name: FactName) -> Double? { (rest[name.rawValue] as? NSNumber).flatMap { JSONScalar.bool($0) == nil ? $0.doubleValue : nil } }
        func taxonomyCode(_ name: FactName) -> JSONValue {
            FHIRCoding.concept([FHIRCoding.coding(system: FHIRCoding.system(taxonomy, "fact"), code: name.rawValue, display: taxonomy.fact(name)?.label.text(for: language))])
        }
        // Gestational age: weeks and days as one quantity in weeks (40+3 is 40.43 wk), the days kept in the text.
        if let weeks = number(.gestationalWeek) {
            let days = number(.gestationalDays) ?? 0
            let value = ((weeks + days / 7) * 100).rounded() / 100
            out.append(Observation(key: "gestational_age", fields: [
                ("code", FHIRCoding.concept([FHIRCoding.coding(system: loinc, code: "49051-6", display: "Gestational age in weeks")],
                                            text: "\(Int(weeks))+\(Int(days))")),
                ("valueQuantity", .object([("value", .number(value)), ("unit", .string("wk")), ("system", .string(ucum)), ("code", .string("wk"))])),
            ]))
            rest[FactName.gestationalWeek.rawValue] = nil
            rest[FactName.gestationalDays.rawValue] = nil
        }
        // Blood pressure: one panel, a component per pressure that was said.
        let systolic = number(.bpSystolic), diastolic = number(.bpDiastolic)
        if systolic != nil || diastolic != nil {
            var components: [JSONValue] = []
            for (value, code, display) in [(systolic, "8480-6", "Systolic blood pressure"), (diastolic, "8462-4", "Diastolic blood pressure")] {
                guard let value else { continue }
                components.append(.object([("code", FHIRCoding.concept([FHIRCoding.coding(system: loinc, code: code, display: display)])),
                                           ("valueQuantity", quantity(value, unit: "mmHg"))]))
            }
            out.append(Observation(key: "blood_pressure", fields: [
                ("category", vitalSigns),
                ("code", FHIRCoding.concept([FHIRCoding.coding(system: loinc, code: "85354-9", display: "Blood pressure panel with all children optional")])),
                ("component", .array(components)),
            ]))
            rest[FactName.bpSystolic.rawValue] = nil
            rest[FactName.bpDiastolic.rawValue] = nil
        }
        if let celsius = number(.temperatureC) {
            out.append(Observation(key: FactName.temperatureC.rawValue, fields: [
                ("category", vitalSigns),
                ("code", FHIRCoding.concept([FHIRCoding.coding(system: loinc, code: "8310-5", display: "Body temperature")])),
                ("valueQuantity", quantity(celsius, unit: "°C")),
            ]))
            rest[FactName.temperatureC.rawValue] = nil
        }
        for (name, value) in rest.sorted(by: { $0.key < $1.key }) {
            let definition = taxonomy.fact(FactName(rawValue: name))
            let valueField: (String, JSONValue)
            if let b = JSONScalar.bool(value) {
                valueField = ("valueBoolean", .bool(b))
            } else if let n = value as? NSNumber {
                let d = n.doubleValue
                if let unit = definition?.unit { valueField = ("valueQuantity", quantity(d, unit: unit)) }
                else if d == d.rounded(), abs(d) < 2e9 { valueField = ("valueInteger", .integer(Int(d))) }
                else { valueField = ("valueQuantity", quantity(d, unit: nil)) }
            } else if let s = value as? String {
                let isChoice: Bool
                // A choice ("green", "pregnant") is a code of the taxonomy's values of that fact, not free text.
                if case .choice? = definition?.kind { isChoice = true } else { isChoice = false }
                valueField = isChoice
                    ? ("valueCodeableConcept", FHIRCoding.concept([FHIRCoding.coding(system: FHIRCoding.system(taxonomy, "fact:\(name)"), code: s)], text: s))
                    : ("valueString", .string(s))
            } else {
                continue
            }
            out.append(Observation(key: "fact:\(name)", fields: [("code", taxonomyCode(FactName(rawValue: name))), valueField]))
        }
        return out
    }
}
