import TriageCore

/// One generated call: what a call record holds (`CallRecordJSON`'s line, which `triage classify --batch` and
/// `triage evaluate --gold` read) and the labels it was generated from.
public struct SyntheticCall: Sendable, Equatable {
    public var id: String
    public var startedAt: LocalDateTime
    public var language: String
    public var durationMs: Int
    public var gestationalWeek: Int?
    public var gestationalDays: Int?
    public var firstBaby: Bool?
    public var caller: CallerType?
    public var daysPostpartum: Int?
    /// Primary first.
    public var reasons: [String]
    public var disposition: Disposition
    /// The taxonomy's red flags the call's findings and facts raise.
    public var redFlags: [String]
    /// The findings the caller states.
    public var findings: [String]
    public var turns: [Turn]

    /// The primary reason.
    public var primary: String { reasons.first ?? "" }

    /// The facts of the labels, as `triage evaluate` compares them.
    public var facts: [FactName: FactValue] {
        var facts: [FactName: FactValue] = [:]
        if let w = gestationalWeek { facts[.gestationalWeek] = .integer(w) }
        if let d = gestationalDays { facts[.gestationalDays] = .integer(d) }
        if let b = firstBaby { facts[.firstBaby] = .boolean(b) }
        if let c = caller { facts[.caller] = .text(c.rawValue) }
        if let p = daysPostpartum { facts[.daysPostpartum] = .integer(p) }
        return facts
    }

    /// The call as one JSON line of the call-record format.
    public var jsonLine: String {
        func optional<T>(_ value: T?, _ make: (T) -> JSONValue) -> JSONValue { value.map(make) ?? .null }
        let factFields: [(String, JSONValue)] = [
            ("gestational_week", optional(gestationalWeek, JSONValue.integer)), ("gestational_days", optional(gestationalDays, JSONValue.integer)),
            ("first_baby", optional(firstBaby, JSONValue.bool)), ("caller", optional(caller?.rawValue, JSONValue.string)),
            ("days_postpartum", optional(daysPostpartum, JSONValue.integer)),
        ]
        return JSONValue.object([
            ("id", .string(id)),
            ("language", .string(language)),
            ("started_at", .string(startedAt.description)),
            ("synthetic", .bool(true)),
            ("metadata", .object(factFields + [("language", .string(language)), ("duration_ms", .integer(durationMs))])),
            ("turns", .array(turns.map { t in
                .object([("speaker", .string(t.speaker.rawValue)), ("text", .string(t.text)),
                         ("start_ms", optional(t.startMs, JSONValue.integer)), ("end_ms", optional(t.endMs, JSONValue.integer))])
            })),
            ("labels", .object([
                ("reasons", .array(reasons.map(JSONValue.string))),
                ("primary", .string(primary)),
                ("disposition", .string(disposition.rawValue)),
                ("red_flags", .array(redFlags.map(JSONValue.string))),
                ("facts", .object(factFields.filter { if case .null = $0.1 { return false }; return true })),
            ])),
            ("synthetic_findings", .array(findings.map(JSONValue.string))),
        ]).rendered()
    }
}
