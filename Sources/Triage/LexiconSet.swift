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
}
