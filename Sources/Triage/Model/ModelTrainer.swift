import Foundation
import TriageCore

/// Trains a `ReasonModel` from labelled calls: features from the rules' reading of each call, one
/// logistic-regression classifier per contact reason, and k-fold cross-validation of the rules alone
/// against the rules with a model trained on the other folds. Deterministic for a given seed.
public struct ModelTrainer {
    /// One labelled call: its input, its answer key, and its text as read (for the training-set hash).
    public struct Example: Sendable {
        public var input: CallInput
        public var labels: Labels
        public var canonical: String

        public init(input: CallInput, labels: Labels, canonical: String) {
            self.input = input; self.labels = labels; self.canonical = canonical
        }
    }

    public let taxonomy: Taxonomy
    public var hyperparameters: ReasonModel.Hyperparameters
    public var seed: UInt64

    public init(taxonomy: Taxonomy, hyperparameters: ReasonModel.Hyperparameters = .standard, seed: UInt64 = 1) {
        self.taxonomy = taxonomy; self.hyperparameters = hyperparameters; self.seed = seed
    }

    /// The model trained on all `examples`, with its cross-validated comparison.
    /// - Parameter progress: called with a line per stage.
    public func train(_ examples: [Example], sources: [String], progress: (String) -> Void = { _ in }) throws -> ReasonModel {
        let classifier = TriageClassifier(taxonomy: taxonomy)
        let read = examples.map { classifier.rulesAndFeatures($0.input) }
        var hashed = Data()
        for e in examples { hashed.append(Data(e.canonical.utf8)); hashed.append(0x0A) }
        let trainingSet = ReasonModel.TrainingSet(sha256: SHA256Digest.hex(hashed), calls: examples.count, sources: sources)
        let validation = hyperparameters.folds >= 2 && examples.count >= hyperparameters.folds
            ? crossValidate(examples, read: read, progress: progress) : nil
        progress("training on \(examples.count) calls")
        var model = fit(features: read.map(\.features), labels: examples.map(\.labels), trainingSet: trainingSet)
        model.crossValidation = validation
        model.id = ""
        model.id = "reasons-" + String(SHA256Digest.hex(try model.encoded()).prefix(12))
        return model
    }

    /// One model over the given features and labels.
    func fit(features: [Set<String>], labels: [Labels], trainingSet: ReasonModel.TrainingSet) -> ReasonModel {
        var counts: [String: Int] = [:]
        for f in features { for name in f { counts[name, default: 0] += 1 } }
        let vocabulary = counts.filter { $0.value >= hyperparameters.minCount }.keys.sorted()
        let index = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, Int32($0)) })
        let rows = features.map { f in f.compactMap { index[$0] }.sorted() }
        let classes = taxonomy.reasons.map(\.code)
        let parameters = LogisticRegression.Parameters(l2: hyperparameters.l2, iterations: hyperparameters.iterations,
                                                       learningRate: hyperparameters.learningRate)
        var bias: [Double] = []
        var weights: [[Int]] = []
        for code in classes {
            let fitted = LogisticRegression.fit(rows: rows, labels: labels.map { $0.reasons.contains(code) }, dimension: vocabulary.count,
                                                parameters: parameters)
            bias.append((fitted.bias * 1000).rounded() / 1000)
            weights.append(fitted.weights.map { Self.thousandths($0) })
        }
        let urgent = LogisticRegression.fit(rows: rows, labels: labels.map { ($0.disposition.map { $0 <= .attendNow }) ?? false },
                                            dimension: vocabulary.count, parameters: parameters)
        return ReasonModel(format: ReasonModel.formatName, id: "", taxonomy: taxonomy.versionTag, trainingSet: trainingSet, seed: seed,
                           hyperparameters: hyperparameters, crossValidation: nil, classes: classes, vocabulary: vocabulary,
                           bias: bias, weights: weights, urgentBias: (urgent.bias * 1000).rounded() / 1000,
                           urgentWeights: urgent.weights.map { Self.thousandths($0) })
    }

    /// A weight in whole thousandths, so a model file is small and reads the same everywhere.
    static func thousandths(_ w: Double) -> Int {
        let scaled = (w * 1000).rounded()
        return scaled.isFinite ? Int(max(-1_000_000, min(1_000_000, scaled))) : 0
    }

    /// The call an example belongs to: its id up to a variant's "~".
    static func callGroup(_ id: String) -> String { String(id.prefix { $0 != "~" }) }

    func crossValidate(_ examples: [Example], read: [(rules: Assessment, features: Set<String>)],
                       progress: (String) -> Void) -> ReasonModel.CrossValidation {
        // Folds by call: a call and its variants ("d001~asr") fall in the same fold.
        var generator = SeededGenerator(seed: seed)
        let groups = Array(Set(examples.map { Self.callGroup($0.input.id) })).sorted().shuffled(using: &generator)
        let foldOf = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($1, $0 % hyperparameters.folds) })
        let k = hyperparameters.folds
        var rulesPairs: [Evaluator.Pair] = []
        var combinedPairs: [Evaluator.Pair] = []
        var lowered = 0
        let empty = ReasonModel.TrainingSet(sha256: "", calls: 0, sources: [])
        for fold in 0..<k {
            progress("cross-validation fold \(fold + 1) of \(k)")
            let held = Set(examples.indices.filter { foldOf[Self.callGroup(examples[$0].input.id)] == fold })
            let trainIndices = examples.indices.filter { !held.contains($0) }
            var model = fit(features: trainIndices.map { read[$0].features }, labels: trainIndices.map { examples[$0].labels }, trainingSet: empty)
            model.id = "fold-\(fold + 1)"
            let index = model.featureIndex()
            for i in examples.indices where held.contains(i) {
                let rules = read[i].rules
                let combined = ModelCombination.assess(rules, features: read[i].features, model: model, index: index, taxonomy: taxonomy)
                if combined.disposition > rules.disposition { lowered += 1 }
                let language = examples[i].input.language ?? rules.language
                rulesPairs.append(Evaluator.Pair(id: examples[i].input.id, language: language, gold: examples[i].labels, predicted: Labels(rules)))
                combinedPairs.append(Evaluator.Pair(id: examples[i].input.id, language: language, gold: examples[i].labels, predicted: Labels(combined)))
            }
        }
        func figures(_ pairs: [Evaluator.Pair]) -> ReasonModel.CrossValidation.Figures {
            let r = Evaluator.evaluate(pairs, splitByLanguage: false)
            func round3(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
            return .init(reasonMacroF1: round3(r.macroF1), reasonMicroF1: round3(r.microF1), primaryAccuracy: round3(r.primaryAccuracy),
                         dispositionAccuracy: round3(r.dispositionAccuracy), redFlagRecall: round3(r.redFlags.recall),
                         underTriage: round3(r.underTriageRate), overTriage: round3(r.overTriageRate), stayHome: r.dangerousMisses.count)
        }
        return .init(folds: k, rules: figures(rulesPairs), rulesWithModel: figures(combinedPairs), loweredDispositions: lowered)
    }
}
