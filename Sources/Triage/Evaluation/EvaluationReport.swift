import TriageCore

/// How well predictions match an answer key: the figures `triage evaluate` prints.
public struct EvaluationReport: Sendable {
    public struct Counts: Sendable, Equatable {
        public var truePositives = 0, falsePositives = 0, falseNegatives = 0
        public init() {}
        public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
        public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        public var support: Int { truePositives + falseNegatives }
    }

    public var calls = 0
    /// Per reason code.
    public var reasons: [String: Counts] = [:]
    public var primaryCorrect = 0
    public var dispositionCorrect = 0
    /// gold disposition → predicted disposition → count.
    public var confusion: [Disposition: [Disposition: Int]] = [:]
    /// Predicted less urgent than the answer key.
    public var underTriaged = 0
    /// Predicted more urgent than the answer key.
    public var overTriaged = 0
    /// Calls that need attend_now or 112 but were told to stay home (self_care, refer, info_only).
    public var dangerousMisses: [String] = []
    public var redFlags = Counts()
    /// Per fact name: (correct, total) over the facts the answer key gives.
    public var facts: [FactName: (correct: Int, total: Int)] = [:]
    /// Denied findings reported as present, as "call: finding".
    public var deniedReportedPresent: [String] = []
    /// The same figures per language.
    public var byLanguage: [String: EvaluationReport] = [:]
    /// Per division (`language`, `caller` …) and subgroup, the same figures.
    public var bySubgroup: [String: [String: EvaluationReport]] = [:]

    public init() {}

    public var microF1: Double {
        var total = Counts()
        for c in reasons.values {
            total.truePositives += c.truePositives; total.falsePositives += c.falsePositives; total.falseNegatives += c.falseNegatives
        }
        return total.f1
    }
    public var macroF1: Double {
        // In code order, so the sum (and a model file that records it) is the same in every run.
        let supported = reasons.keys.sorted().compactMap { reasons[$0] }.filter { $0.support > 0 }
        return supported.isEmpty ? 0 : supported.map(\.f1).reduce(0, +) / Double(supported.count)
    }
    public var primaryAccuracy: Double { ratio(primaryCorrect, calls) }
    public var dispositionAccuracy: Double { ratio(dispositionCorrect, calls) }
    public var underTriageRate: Double { ratio(underTriaged, calls) }
    public var overTriageRate: Double { ratio(overTriaged, calls) }
    public func factAccuracy(_ name: FactName) -> Double? { facts[name].map { ratio($0.correct, $0.total) } }
}

func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }
