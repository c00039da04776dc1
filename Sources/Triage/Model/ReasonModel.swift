import Foundation
import TriageCore

/// A trained contact-reason model: one-vs-rest logistic regression over `CallFeatures`, with everything
/// needed to trace it: the taxonomy it was trained for, the hash of its training set, the seed, the
/// hyper-parameters and the cross-validated comparison with the rules alone. Beside the rules it ranks and
/// adds reasons; it never lowers a disposition the rules give.
public struct ReasonModel: Codable, Sendable, Equatable {
    public static let formatName = "triage-reason-model/1"

    public struct Hyperparameters: Codable, Sendable, Equatable {
        /// L2 penalty, AdaGrad steps and step size of each classifier.
        public var l2: Double
        public var iterations: Int
        public var learningRate: Double
        /// A feature enters the vocabulary when at least this many training calls have it.
        public var minCount: Int
        /// A reason the rules did not find is added at this probability.
        public var addThreshold: Double
        /// The model's top reason leads when it beats the rules' primary by this much.
        public var primaryMargin: Double
        /// A call the rules would send home (self-care, refer, information) is raised to attend_now when the model finds
        /// it this likely to need attend_now or 112 (1 never raises).
        public var urgentThreshold: Double
        public var folds: Int

        public init(l2: Double, iterations: Int, learningRate: Double, minCount: Int, addThreshold: Double, primaryMargin: Double,
                    urgentThreshold: Double, folds: Int) {
            self.l2 = l2; self.iterations = iterations; self.learningRate = learningRate; self.minCount = minCount
            self.addThreshold = addThreshold; self.primaryMargin = primaryMargin; self.urgentThreshold = urgentThreshold; self.folds = folds
        }

        public static let standard = Hyperparameters(l2: 0.001, iterations: 120, learningRate: 0.4, minCount: 5, addThreshold: 0.4,
                                                     primaryMargin: 0.2, urgentThreshold: 0.7, folds: 5)
    }

    public struct TrainingSet: Codable, Sendable, Equatable {
        /// SHA-256 of the training calls as read (ids, turns, labels), in order.
        public var sha256: String
        public var calls: Int
        public var sources: [String]
    }

    /// Cross-validated figures of the rules alone and of the rules with a model trained on the other folds.
    public struct CrossValidation: Codable, Sendable, Equatable {
        public struct Figures: Codable, Sendable, Equatable {
            public var reasonMacroF1: Double
            public var reasonMicroF1: Double
            public var primaryAccuracy: Double
            public var dispositionAccuracy: Double
            public var redFlagRecall: Double
            public var underTriage: Double
            public var overTriage: Double
            /// Calls that needed attend_now or 112 suggested self_care, refer or info_only.
            public var stayHome: Int
        }
        public var folds: Int
        public var rules: Figures
        public var rulesWithModel: Figures
        /// Calls whose disposition the model would have lowered (must be 0: the combination never lowers).
        public var loweredDispositions: Int
    }

    public var format: String
    /// `reasons-` and the first 12 hex digits of the SHA-256 of the model's content.
    public var id: String
    /// `id@version` of the taxonomy the model was trained for.
    public var taxonomy: String
    public var trainingSet: TrainingSet
    public var seed: UInt64
    public var hyperparameters: Hyperparameters
    public var crossValidation: CrossValidation?
    /// The reason codes, one classifier each.
    public var classes: [String]
    /// Feature names; a classifier's weights refer to them by index.
    public var vocabulary: [String]
    public var bias: [Double]
    /// Per class, the weight of every vocabulary feature in thousandths (so the file stays small and exact).
    public var weights: [[Int]]
    /// A classifier of its own for whether the call needs attend_now or 112, over the same features.
    public var urgentBias: Double
    public var urgentWeights: [Int]

    /// Feature name → vocabulary index, built once per model (a classifier keeps it).
    public func featureIndex() -> [String: Int] {
        Dictionary(vocabulary.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The probability of each class for a call with `features`, and the features that weighed most for it.
    public func predict(_ features: Set<String>, index: [String: Int]? = nil) -> [(code: String, probability: Double, because: [String])] {
        let index = index ?? featureIndex()
        let present = features.compactMap { index[$0] }.sorted()
        return classes.indices.map { c in
            let (p, because) = score(bias: bias[c], weights: weights[c], present: present)
            return (classes[c], p, because)
        }
    }

    /// One classifier's probability over the present features (vocabulary indices, in order), with the three
    /// readable features that added most to it.
    func score(bias: Double, weights: [Int], present: [Int]) -> (probability: Double, because: [String]) {
        var z = bias
        var contributions: [(String, Double)] = []
        for j in present where j < weights.count {
            let w = Double(weights[j]) / 1000
            z += w
            contributions.append((vocabulary[j], w))
        }
        let top = contributions.filter { $0.1 > 0 }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.compactMap { Self.readable($0.0) }
        return (LogisticRegression.sigmoid(z), Array(top.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.prefix(3)))
    }

    /// A feature as a midwife can read it in the evidence: the words ("w:bløder" → "bløder", "b:not_sure" → "not sure"),
    /// what the rules found ("f:contractions:present" → "contractions"); letter groups say nothing to a reader.
    static func readable(_ feature: String) -> String? {
        let parts = feature.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        let value = parts[1].replacingOccurrences(of: "¬", with: "not ")
        switch parts[0] {
        case "w": return value
        case "b": return value.replacingOccurrences(of: "_", with: " ")
        case "f": return value.split(separator: ":").first.map { $0.replacingOccurrences(of: "_", with: " ") }
        case "x": return value.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: ":", with: " ")
        default: return nil
        }
    }

    /// The probability that the call needs attend_now or 112, and the features that weighed most for it.
    public func urgency(_ features: Set<String>, index: [String: Int]? = nil) -> (probability: Double, because: [String]) {
        let index = index ?? featureIndex()
        return score(bias: urgentBias, weights: urgentWeights, present: features.compactMap { index[$0] }.sorted())
    }

    /// The model as the file `triage train` writes: sorted keys, so the same model is the same bytes.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Reads a model file, refusing another format.
    public static func decode(_ data: Data, path: String) throws -> ReasonModel {
        let model: ReasonModel
        do { model = try JSONDecoder().decode(ReasonModel.self, from: data) } catch {
            throw ModelError.unreadable(path: path, reason: "not a reason model (\(error.localizedDescription))")
        }
        guard model.format == formatName else { throw ModelError.unreadable(path: path, reason: "format \(model.format), expected \(formatName)") }
        guard model.bias.count == model.classes.count, model.weights.count == model.classes.count,
              model.weights.allSatisfy({ $0.count == model.vocabulary.count }), model.urgentWeights.count == model.vocabulary.count else {
            throw ModelError.unreadable(path: path, reason: "\(model.classes.count) classes and \(model.vocabulary.count) features do not match the weights")
        }
        return model
    }
}

/// Why a model cannot be used.
public enum ModelError: Error, CustomStringConvertible, Equatable {
    case unreadable(path: String, reason: String)
    case wrongTaxonomy(model: String, taxonomy: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): \(reason)"
        case .wrongTaxonomy(let model, let taxonomy): return "the model was trained for \(model), not \(taxonomy): train it again"
        }
    }
}
