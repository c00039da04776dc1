import Language
import TriageCore

/// The taxonomy's lexicons compiled for matching, per language: one for reasons, one for findings.
struct LexiconSet {
    var reasons: [String: CompiledLexicon] = [:]
    var findings: [String: CompiledLexicon] = [:]

    init(taxonomy: Taxonomy, analyzer: TextAnalyzer) {
        for language in Set(taxonomy.languages + ["da", "en"]) {
            reasons[language] = CompiledLexicon(taxonomy.reasons.map { ($0.code, $0.lexicon) }, language: language, analyzer: analyzer)
            findings[language] = CompiledLexicon(taxonomy.findings.map { ($0.code, $0.lexicon) }, language: language, analyzer: analyzer)
        }
    }

    /// The findings named in `tokens` of a turn in `language`, and those named in another language's words where the
    /// caller switches ("jeg har en vild headache"): a red-flag symptom counts in either language. A borrowed match is
    /// written as the phrase is (not matched by a stem: Danish "sparker" is no English "sparks"), of words of four
    /// letters or more, and where the turn's own language found nothing.
    func findingMatches(in tokens: [Token], language: String) -> [LexiconMatch] {
        let own = findings[language]?.matches(in: tokens) ?? []
        var taken = Set(own.flatMap { Array($0.tokens) })
        var borrowed: [LexiconMatch] = []
        for other in findings.keys.sorted() where other != language {
            for m in findings[other]?.matches(in: tokens) ?? [] where !m.fuzzy && !m.tokens.contains(where: taken.contains)
                && tokens[m.tokens].allSatisfy({ $0.text.count >= 4 }) && tokens[m.tokens].map(\.text).joined(separator: " ") == m.phrase.lowercased() {
                borrowed.append(m)
                taken.formUnion(m.tokens)
            }
        }
        return own + borrowed
    }
}
