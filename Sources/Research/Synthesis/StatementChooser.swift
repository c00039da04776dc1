import TriageCore

/// How a synthetic caller says a reason: a phrase of one of the reason's findings in the taxonomy (one whose red flags,
/// with the call's facts, force nothing more urgent than the call's disposition, and one that forces it exactly when
/// the disposition is more urgent than the reason's default), else a phrase of the reason's own lexicon, else its label.
struct StatementChooser: Sendable {
    let taxonomy: Taxonomy
    /// The plain phrases of each finding and of each reason, per language, read once.
    let findingPhrases: [String: [String: [String]]]
    let reasonPhrases: [String: [String: [String]]]

    init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
        func plain(_ lexicon: Lexicon) -> [String: [String]] {
            Dictionary(uniqueKeysWithValues: taxonomy.languages.map { ($0, Self.plainPhrases(lexicon, language: $0)) })
        }
        findingPhrases = Dictionary(taxonomy.findings.map { ($0.code, plain($0.lexicon)) }, uniquingKeysWith: { a, _ in a })
        reasonPhrases = Dictionary(taxonomy.reasons.map { ($0.code, plain($0.lexicon)) }, uniquingKeysWith: { a, _ in a })
    }

    /// What the caller states: the finding (nil for a reason phrase or label) and the words.
    struct Statement: Sendable, Equatable {
        var finding: String?
        var phrase: String
    }

    /// The taxonomy phrases a sentence pattern can carry: no exclusions (`!`), exact forms (`=`), word classes (`{…}`)
    /// or open endings (`*`), and none of the forms a word class's expansion makes that nobody says ("has can't moved").
    static func plainPhrases(_ lexicon: Lexicon, language: String) -> [String] {
        lexicon.phrases(for: language).filter { phrase in
            !phrase.contains(where: { "!={}*".contains($0) }) && phrase.filter(\.isLetter).count >= 3 && !unsaid(phrase)
        }
    }

    /// Whether `phrase` puts a negated auxiliary after "has", "have" or "had" (a word class expanded into an
    /// auxiliary's place).
    static func unsaid(_ phrase: String) -> Bool {
        let words = phrase.split(separator: " ")
        return zip(words, words.dropFirst()).contains { first, second in
            ["has", "have", "had"].contains(first) && (second.hasSuffix("n't") || second.hasSuffix("n’t") || second == "cannot" || second == "cannae")
        }
    }

    /// The most urgent disposition the red flags force for `findings` and `facts`, nil when none is raised.
    func forced(findings: Set<String>, facts: [FactName: FactValue]) -> (Disposition, [String])? {
        let raised = taxonomy.redFlags.filter { $0.condition.holds(facts: facts, findings: findings) }
        guard let most = raised.map(\.forces).min() else { return nil }
        return (most, raised.map(\.code))
    }

    /// How the caller says `reason`; nil, for a further reason (`secondary`), when neither a finding within the
    /// disposition nor a reason phrase can say it (its label alone would read as a finding the disposition does not fit).
    func choose(reason: String, language: String, disposition: Disposition, stated: Set<String>, facts: [FactName: FactValue],
                secondary: Bool = false, _ random: inout SynthesisRandom) -> Statement? {
        let candidates = taxonomy.findings.filter { $0.reasons.contains(reason) && !stated.contains($0.code) }
            .compactMap { f -> (FindingDefinition, [String], Disposition?)? in
                let phrases = findingPhrases[f.code]?[language] ?? []
                return phrases.isEmpty ? nil : (f, phrases, forced(findings: stated.union([f.code]), facts: facts)?.0)
            }
        let allowed = candidates.filter { $0.2.map { !$0.isMoreUrgent(than: disposition) } ?? true }
        let exact = allowed.filter { $0.2 == disposition }
        let fallback = taxonomy.reason(reason)?.defaultDisposition
        let pool = fallback.map { disposition.isMoreUrgent(than: $0) } == true && !exact.isEmpty ? exact : allowed
        if let chosen = random.pick(pool), let phrase = random.pick(chosen.1) {
            return Statement(finding: chosen.0.code, phrase: phrase)
        }
        if let phrase = random.pick(reasonPhrases[reason]?[language] ?? []) {
            return Statement(finding: nil, phrase: phrase)
        }
        if secondary { return nil }
        return Statement(finding: nil, phrase: (taxonomy.reason(reason)?.label.text(for: language) ?? reason).lowercased())
    }
}
