import Foundation
import TriageCore

/// The answer key of one call, or a prediction in the same terms.
public struct Labels: Sendable {
    public var reasons: [String]
    public var primary: String?
    public var disposition: Disposition?
    public var redFlags: Set<String>
    public var facts: [FactName: FactValue]
    /// Findings the caller denies (optional in gold files): none may come out as present.
    public var denied: Set<String>
    /// Findings predicted present (predictions only).
    public var presentFindings: Set<String>

    public init(reasons: [String] = [], primary: String? = nil, disposition: Disposition? = nil, redFlags: Set<String> = [],
                facts: [FactName: FactValue] = [:], denied: Set<String> = [], presentFindings: Set<String> = []) {
        self.reasons = reasons; self.primary = primary; self.disposition = disposition; self.redFlags = redFlags
        self.facts = facts; self.denied = denied; self.presentFindings = presentFindings
    }

    /// Reads `{"reasons", "primary", "disposition", "red_flags", "facts", "denied"}`.
    public init(json object: [String: Any]) {
        reasons = object["reasons"] as? [String] ?? []
        primary = object["primary"] as? String ?? reasons.first
        disposition = (object["disposition"] as? String).flatMap(Disposition.init(rawValue:))
        redFlags = Set((object["red_flags"] as? [Any] ?? []).compactMap { ($0 as? String) ?? ($0 as? [String: Any])?["code"] as? String })
        var facts: [FactName: FactValue] = [:]
        for (key, value) in object["facts"] as? [String: Any] ?? [:] {
            if let v = Labels.factValue(value) { facts[FactName(rawValue: key)] = v }
        }
        self.facts = facts
        denied = Set((object["denied"] as? [Any] ?? []).compactMap { ($0 as? String) ?? ($0 as? [String: Any])?["code"] as? String })
        presentFindings = Set((object["findings"] as? [Any] ?? []).compactMap { ($0 as? String) ?? ($0 as? [String: Any])?["code"] as? String })
    }

    /// Reads a prediction line as `triage classify --format jsonl` writes it.
    public init(prediction object: [String: Any]) {
        self.init(json: object)
        reasons = (object["reasons"] as? [Any] ?? []).compactMap { ($0 as? String) ?? ($0 as? [String: Any])?["code"] as? String }
        primary = object["primary"] as? String ?? reasons.first
    }

    /// The labels an assessment amounts to.
    public init(_ a: Assessment) {
        self.init(reasons: a.reasons.map(\.code), primary: a.primary, disposition: a.disposition, redFlags: Set(a.redFlags.map(\.code)),
                  facts: Dictionary(a.facts.map { ($0.name, $0.value) }, uniquingKeysWith: { x, _ in x }),
                  presentFindings: Set(a.findings.map(\.code)))
    }

    static func factValue(_ value: Any) -> FactValue? {
        if value is NSNull { return nil }
        if let b = JSONScalar.bool(value) { return .boolean(b) }
        if let d = JSONScalar.number(value) {
            return d == d.rounded() && abs(d) < 1e9 ? .integer(Int(d)) : .number(d)
        }
        if let s = value as? String { return .text(s) }
        return nil
    }
}
