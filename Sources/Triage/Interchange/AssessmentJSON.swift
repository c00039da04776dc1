import Language
import TriageCore

/// The JSON form of an assessment, as `triage classify` prints it (the interface other tools rely on).
public enum AssessmentJSON {
    /// The fact keys always present in `facts` (null when unknown).
    public static let factKeys: [FactName] = [.gestationalWeek, .gestationalDays, .firstBaby, .contractionIntervalMin, .contractionDurationS,
                                              .fluidColour, .temperatureC, .bpSystolic, .bpDiastolic, .bleedingAmount, .fetalMovements,
                                              .daysPostpartum, .caller]

    /// The assessment as the JSON object `triage classify` prints and the archive stores.
    public static func render(_ a: Assessment) -> JSONValue {
        var facts: [(String, JSONValue)] = factKeys.map { key in (key.rawValue, a.fact(key).map(value) ?? .null) }
        for f in a.facts where !factKeys.contains(f.name) { facts.append((f.name.rawValue, value(f.value))) }
        return .object([
            ("id", .string(a.callID)),
            ("language", .string(a.language)),
            ("reasons", .array(a.reasons.map { r in
                .object([("code", .string(r.code)), ("score", .number((r.score * 1000).rounded() / 1000)), ("evidence", .array(r.evidence.map(evidence)))])
            })),
            ("primary", .string(a.primary)),
            ("disposition", .string(a.disposition.rawValue)),
            ("disposition_evidence", evidence(a.dispositionEvidence)),
            ("red_flags", .array(a.redFlags.map { f in
                .object([("code", .string(f.code)), ("forces", .string(f.forces.rawValue)), ("possible", .bool(f.possible)),
                         ("evidence", .array(f.evidence.map(evidence)))])
            })),
            ("facts", .object(facts)),
            ("fact_sources", .object(a.facts.map { ($0.name.rawValue, .string($0.evidence.source == .record ? "record" : "call")) })),
            ("findings", .array(a.findings.map(finding))),
            ("denied", .array(a.denied.map(finding))),
            ("confidence", .number(a.confidence)),
            ("uncertainties", .array(a.uncertainties.map(JSONValue.string))),
            ("questions", .array(a.questions.map { q in
                .object([("fact", q.fact.map { .string($0.rawValue) } ?? .null), ("finding", q.finding.map(JSONValue.string) ?? .null), ("text", .string(q.text))])
            })),
            ("taxonomy_version", .string(a.taxonomyVersion)),
            ("model_version", .string(a.modelVersion)),
        ])
    }

    static func value(_ v: FactValue) -> JSONValue {
        switch v {
        case .integer(let i): return .integer(i)
        case .number(let d): return d == d.rounded() && abs(d) < 1e9 ? .integer(Int(d)) : .number(d)
        case .boolean(let b): return .bool(b)
        case .text(let t): return .string(t)
        }
    }

    static func finding(_ f: Assessment.FindingState) -> JSONValue {
        .object([("code", .string(f.code)), ("polarity", .string(f.polarity.rawValue)), ("evidence", .array(f.evidence.map(evidence)))])
    }

    static func evidence(_ e: Evidence) -> JSONValue {
        var fields: [(String, JSONValue)] = [("source", .string(e.source.rawValue))]
        if let turn = e.turn { fields.append(("turn", .integer(turn))) }
        if let speaker = e.speaker { fields.append(("speaker", .string(speaker.rawValue))) }
        if let s = e.startMs { fields.append(("start_ms", .integer(s))) }
        if let s = e.endMs { fields.append(("end_ms", .integer(s))) }
        fields.append(("text", .string(e.text)))
        if let phrase = e.phrase { fields.append((e.source == .rule ? "rule" : "phrase", .string(phrase))) }
        if let c = e.characters { fields.append(("chars", .array([.integer(c.lowerBound), .integer(c.upperBound)]))) }
        fields.append(("negated", .bool(e.polarity == .denied)))
        if e.polarity == .uncertain { fields.append(("uncertain", .bool(true))) }
        return .object(fields)
    }
}
