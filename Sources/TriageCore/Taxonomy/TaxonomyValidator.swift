/// Checks what the YAML structure alone cannot: duplicate codes, references to unknown findings,
/// facts and dispositions, and comparisons that do not fit a fact's type.
public enum TaxonomyValidator {
    /// Every problem in `taxonomy`; `file` names it in the problems.
    public static func problems(in taxonomy: Taxonomy, file: String) -> [TaxonomyProblem] {
        var problems: [TaxonomyProblem] = []
        func report(_ location: SourceLocation?, _ message: String) {
            problems.append(TaxonomyProblem(file: file, location: location, message: message))
        }
        func duplicates(_ items: [(String, SourceLocation?)], _ kind: String) {
            var seen: [String: SourceLocation?] = [:]
            for (code, location) in items {
                if let first = seen[code] {
                    report(location, "duplicate \(kind) '\(code)' (first defined at line \(first?.line ?? 0))")
                } else {
                    seen[code] = location
                }
            }
        }

        if taxonomy.id.isEmpty { report(nil, "the taxonomy lacks an id") }
        if taxonomy.version.isEmpty { report(nil, "the taxonomy lacks a version") }
        duplicates(taxonomy.dispositions.map { ($0.disposition.rawValue, $0.location) }, "disposition")
        duplicates(taxonomy.facts.map { ($0.name.rawValue, $0.location) }, "fact")
        duplicates(taxonomy.findings.map { ($0.code, $0.location) }, "finding")
        duplicates(taxonomy.reasons.map { ($0.code, $0.location) }, "reason code")
        duplicates(taxonomy.redFlags.map { ($0.code, $0.location) }, "red flag")
        duplicates(taxonomy.overrideReasons.map { ($0.code.rawValue, $0.location) }, "override reason")
        for reason in taxonomy.overrideReasons {
            for language in taxonomy.languages where reason.label.texts[language] == nil {
                report(reason.location, "override reason '\(reason.code)' lacks a label in '\(language)'")
            }
        }

        let listed = Set(taxonomy.dispositions.map(\.disposition))
        for d in Disposition.allCases where !listed.contains(d) { report(nil, "disposition '\(d.rawValue)' is not defined") }
        let order = taxonomy.dispositions.map(\.disposition)
        if order != order.sorted() {
            report(taxonomy.dispositions.first?.location, "dispositions must be listed from most to least urgent: \(Disposition.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if taxonomy.reasons.isEmpty { report(nil, "the taxonomy defines no reasons") }

        let factsByName = Dictionary(taxonomy.facts.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let findingCodes = Set(taxonomy.findings.map(\.code))
        for reason in taxonomy.reasons {
            for name in reason.requiredFacts where factsByName[name] == nil {
                report(reason.location, "reason '\(reason.code)' requires unknown fact '\(name)'")
            }
            if reason.lexicon.isEmpty && reason.code != "other" && !taxonomy.findings.contains(where: { $0.reasons.contains(reason.code) }) {
                report(reason.location, "reason '\(reason.code)' has an empty lexicon and no finding points to it")
            }
        }
        for fact in taxonomy.facts {
            if let about = fact.about, !findingCodes.contains(about) { report(fact.location, "fact '\(fact.name)' is about unknown finding '\(about)'") }
        }
        for definition in taxonomy.dispositions {
            for name in definition.asks ?? [] where factsByName[name] == nil {
                report(definition.location, "disposition '\(definition.disposition.rawValue)' asks for unknown fact '\(name)'")
            }
        }
        let reasonCodes = Set(taxonomy.reasons.map(\.code))
        for finding in taxonomy.findings {
            for code in finding.reasons where !reasonCodes.contains(code) {
                report(finding.location, "finding '\(finding.code)' points to unknown reason '\(code)'")
            }
        }
        for fact in taxonomy.facts {
            guard let support = fact.supports else { continue }
            if !reasonCodes.contains(support.reason) { report(fact.location, "fact '\(fact.name)' supports unknown reason '\(support.reason)'") }
            if case .choice(let values) = fact.kind, let unknown = (support.values ?? []).first(where: { !values.contains($0) }) {
                report(fact.location, "fact '\(fact.name)': '\(unknown)' in supports is not one of its values")
            }
        }
        for flag in taxonomy.redFlags {
            for (code, location) in flag.condition.findingReferences where !findingCodes.contains(code) {
                report(location ?? flag.location, "red flag '\(flag.code)' names unknown finding '\(code)'")
            }
            for (name, comparison, location) in flag.condition.factReferences {
                guard let fact = factsByName[name] else {
                    report(location ?? flag.location, "red flag '\(flag.code)' names unknown fact '\(name)'")
                    continue
                }
                if let message = mismatch(comparison, fact) {
                    report(location ?? flag.location, "red flag '\(flag.code)': \(message)")
                }
            }
        }
        return problems
    }

    /// Why `comparison` cannot apply to `fact`, if it cannot.
    static func mismatch(_ comparison: Comparison, _ fact: FactDefinition) -> String? {
        switch fact.kind {
        case .integer, .number:
            if comparison.constants.contains(where: { $0.numeric == nil }) {
                return "fact '\(fact.name)' is a number but is compared with text"
            }
        case .boolean:
            if comparison.isOrdering { return "fact '\(fact.name)' is true/false and cannot be ordered" }
            if comparison.constants.contains(where: { if case .boolean = $0 { return false } else { return true } }) {
                return "fact '\(fact.name)' is true/false but is compared with something else"
            }
        case .choice(let values):
            if comparison.isOrdering { return "fact '\(fact.name)' is a choice and cannot be ordered" }
            for constant in comparison.constants where !values.contains(constant.description) {
                return "'\(constant)' is not a value of fact '\(fact.name)' (values: \(values.joined(separator: ", ")))"
            }
        }
        return nil
    }
}
