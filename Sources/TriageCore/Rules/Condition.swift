/// A rule's condition over the facts and findings of a call, as written in the taxonomy file:
/// `all:`, `any:`, `not:`, `finding: CODE`, `denied: CODE`, or `fact: NAME` with one comparison.
public indirect enum Condition: Sendable, Equatable, CustomStringConvertible {
    case all([Condition])
    case any([Condition])
    case not(Condition)
    /// The finding is present (stated and not denied).
    case finding(String, SourceLocation?)
    /// The caller denies the finding: she was asked or spoke of it, and every word of hers says no.
    case denied(String, SourceLocation?)
    /// The fact satisfies the comparison.
    case fact(FactName, Comparison, SourceLocation?)

    /// Evaluates the condition; `facts` holds the known facts, `findings` the present findings, `denied` the denied ones.
    public func holds(facts: [FactName: FactValue], findings: Set<String>, denied: Set<String> = []) -> Bool {
        switch self {
        case .all(let cs): return cs.allSatisfy { $0.holds(facts: facts, findings: findings, denied: denied) }
        case .any(let cs): return cs.contains { $0.holds(facts: facts, findings: findings, denied: denied) }
        case .not(let c): return !c.holds(facts: facts, findings: findings, denied: denied)
        case .finding(let code, _): return findings.contains(code)
        case .denied(let code, _): return denied.contains(code) && !findings.contains(code)
        case .fact(let name, let comparison, _): return comparison.holds(for: facts[name])
        }
    }

    /// Every finding code the condition names, with where it was written.
    public var findingReferences: [(code: String, location: SourceLocation?)] {
        switch self {
        case .all(let cs), .any(let cs): return cs.flatMap(\.findingReferences)
        case .not(let c): return c.findingReferences
        case .finding(let code, let loc), .denied(let code, let loc): return [(code, loc)]
        case .fact: return []
        }
    }

    /// Every fact comparison the condition makes, with where it was written.
    public var factReferences: [(name: FactName, comparison: Comparison, location: SourceLocation?)] {
        switch self {
        case .all(let cs), .any(let cs): return cs.flatMap(\.factReferences)
        case .not(let c): return c.factReferences
        case .finding, .denied: return []
        case .fact(let name, let comparison, let loc): return [(name, comparison, loc)]
        }
    }

    public static func == (a: Condition, b: Condition) -> Bool { a.description == b.description }

    /// A readable one-line form, e.g. `any(finding heavy_bleeding, bleeding_amount = heavy)`.
    public var description: String {
        switch self {
        case .all(let cs): return "all(\(cs.map(\.description).joined(separator: ", ")))"
        case .any(let cs): return "any(\(cs.map(\.description).joined(separator: ", ")))"
        case .not(let c): return "not(\(c))"
        case .finding(let code, _): return "finding \(code)"
        case .denied(let code, _): return "denied \(code)"
        case .fact(let name, let comparison, _): return "\(name) \(comparison)"
        }
    }
}
