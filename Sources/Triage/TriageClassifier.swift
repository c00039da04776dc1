import Language
import TriageCore

/// Suggests the contact reasons, red flags and disposition of a call, with the evidence for each,
/// and the questions still to ask. Deterministic; one instance per thread (it caches stems).
public final class TriageClassifier {
    /// Identifies this classifier in every stored assessment.
    public static let modelVersion = "lexicon-rules-1.1"
    /// The disposition of a call in which nothing was recognised.
    public static let unrecognisedDisposition = Disposition.attendSoon

    public let taxonomy: Taxonomy
    /// The trained reason model beside the rules, if any.
    public let model: ReasonModel?
    private let featureIndex: [String: Int]
    /// What every assessment of this classifier records as its model version: the rules' version, and the model's id.
    public var versionTag: String { TriageClassifier.versionTag(model: model) }

    /// The rules' version, and a model's id after a "+".
    static func versionTag(model: ReasonModel?) -> String { model.map { "\(modelVersion)+\($0.id)" } ?? modelVersion }
    private let analyzer = TextAnalyzer()
    private let lexicons: LexiconSet

    /// - Throws: `ModelError.wrongTaxonomy` when `model` was trained for another taxonomy version.
    public init(taxonomy: Taxonomy, model: ReasonModel? = nil) throws {
        if let model, model.taxonomy != taxonomy.versionTag {
            throw ModelError.wrongTaxonomy(model: model.taxonomy, taxonomy: taxonomy.versionTag)
        }
        self.taxonomy = taxonomy
        self.model = model
        self.featureIndex = model?.featureIndex() ?? [:]
        self.lexicons = LexiconSet(taxonomy: taxonomy, analyzer: analyzer)
    }

    /// A classifier of the rules alone.
    public init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
        self.model = nil
        self.featureIndex = [:]
        self.lexicons = LexiconSet(taxonomy: taxonomy, analyzer: analyzer)
    }

    /// The assessment of a call: the rules' and, with a model, the model's ranking beside them.
    public func classify(_ input: CallInput) -> Assessment {
        guard let model else { return classifyByRules(input).0 }
        let (rules, features) = rulesAndFeatures(input)
        return ModelCombination.assess(rules, features: features, model: model, index: featureIndex, taxonomy: taxonomy)
    }

    /// The rules' assessment with the model's features of the call, for training a model.
    public func rulesAndFeatures(_ input: CallInput) -> (rules: Assessment, features: Set<String>) {
        let (rules, turns) = classifyByRules(input)
        return (rules, CallFeatures.extract(turns, rules: rules, acoustic: !(input.acoustic?.sustained.isEmpty ?? true)))
    }

    func classifyByRules(_ input: CallInput) -> (Assessment, [TurnAnalysis]) {
        let language = input.language ?? input.metadata.language ?? detectLanguage(input.turns)
        let turns = TurnAnalysis.analyze(input, analyzer: analyzer, callLanguage: language)
        let collected = FindingCollector.collect(turns, lexicons: lexicons)

        var findings: [String: Polarity] = [:]
        for (code, items) in collected.evidence {
            if items.contains(where: { $0.polarity == .present }) { findings[code] = .present }
            else if items.contains(where: { $0.polarity == .uncertain }) { findings[code] = .uncertain }
            else { findings[code] = .denied }
        }
        let facts = FactCollector.collect(turns, metadata: input.metadata, findings: findings, findingEvidence: collected.evidence,
                                          acoustic: input.acoustic, taxonomy: taxonomy)
        let stated = Set(findings.filter { $0.value == .present }.keys)
        let possible = Set(findings.filter { $0.value == .uncertain }.keys)
        // Denied plainly: every turn that denies it says no without a hedge ("Slog du maven?" — "Det tror jeg ikke" leaves it open).
        let turnOfPart = Dictionary(turns.flatMap { t in t.parts.map { ($0.index, t) } }, uniquingKeysWith: { a, _ in a })
        let denied = Set(findings.filter { $0.value == .denied }.keys.filter { code in
            (collected.evidence[code] ?? []).allSatisfy { e in !(e.turn.flatMap { turnOfPart[$0] }.map { Answer.isHedged($0.tokens) } ?? false) }
        })
        let flags = RedFlagEvaluator.raised(taxonomy: taxonomy, facts: facts, stated: stated, possible: possible, denied: denied,
                                            findingEvidence: collected.evidence)
        let reasons = ReasonScorer.rank(taxonomy: taxonomy, findings: findings, findingEvidence: collected.evidence,
                                        reasonEvidence: collected.reasonEvidence, facts: facts, redFlagRaised: !flags.isEmpty,
                                        acoustic: input.acoustic)
        let primary = reasons.first?.code ?? "other"
        let recognised = !(reasons.count == 1 && reasons[0].evidence.first?.phrase == ReasonScorer.fallbackPhrase)

        let disposition: Disposition
        let why: Evidence
        if let worst = flags.min(by: { $0.forces < $1.forces }) {
            disposition = worst.forces
            why = Evidence(source: .rule, text: "red flag \(worst.code)\(worst.possible ? " (possible)" : "") forces \(worst.forces.rawValue)",
                           phrase: worst.code)
        } else if !recognised {
            // Nothing recognised is no reason to send her home: the most urgent disposition no red flag forces,
            // until the midwife knows more.
            disposition = TriageClassifier.unrecognisedDisposition
            why = Evidence(source: .rule, text: "nothing recognised: \(disposition.rawValue) until the midwife knows more", phrase: "not_recognised")
        } else {
            disposition = taxonomy.reason(primary)?.defaultDisposition ?? .refer
            why = Evidence(source: .rule, text: "default for \(primary): \(disposition.rawValue)", phrase: primary)
        }
        let states = taxonomy.findings.compactMap { f -> Assessment.FindingState? in
            guard let polarity = findings[f.code] else { return nil }
            return Assessment.FindingState(code: f.code, polarity: polarity, evidence: collected.evidence[f.code] ?? [])
        }
        return (Assessment(
            callID: input.id, language: language, turnLanguages: turns.map(\.language), reasons: reasons, primary: primary,
            disposition: disposition, dispositionEvidence: why, redFlags: flags, facts: facts,
            findings: states.filter { $0.polarity != .denied }, denied: states.filter { $0.polarity == .denied },
            questions: QuestionPlanner.questions(taxonomy: taxonomy, reasons: reasons, facts: facts, language: language,
                                                 unrecognised: !recognised, spoken: Set(findings.keys),
                                                 denied: Set(findings.filter { $0.value == .denied }.map(\.key)), disposition: disposition),
            confidence: 1, uncertainties: [],
            taxonomyVersion: taxonomy.versionTag, modelVersion: TriageClassifier.modelVersion)
            .withConfidence(recognised: recognised, possible: possible, taxonomy: taxonomy), turns)
    }

    private func detectLanguage(_ turns: [Turn]) -> String {
        let words = turns.flatMap { LanguageDetector.words(in: $0.text) }
        return LanguageDetector.detect(words: words, fallback: "da")
    }
}
