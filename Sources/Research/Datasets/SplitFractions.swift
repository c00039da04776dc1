import Foundation

/// The shares of train, dev and test (each in 0…1, summing to 1), as `--split 0.8,0.1,0.1` gives them.
public struct SplitFractions: Sendable, Equatable {
    public var train: Double
    public var dev: Double
    public var test: Double

    public static let standard = SplitFractions(train: 0.8, dev: 0.1, test: 0.1)

    public init(train: Double, dev: Double, test: Double) { self.train = train; self.dev = dev; self.test = test }

    /// Three comma-separated numbers, or why they are not three shares summing to 1.
    public static func parse(_ text: String) -> Result<SplitFractions, SplitFractionsProblem> {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 3, let train = parts[0], let dev = parts[1], let test = parts[2] else {
            return .failure(SplitFractionsProblem(text: text, reason: "three comma-separated numbers are needed (train,dev,test)"))
        }
        let all = [train, dev, test]
        guard all.allSatisfy({ $0.isFinite && $0 >= 0 && $0 <= 1 }) else {
            return .failure(SplitFractionsProblem(text: text, reason: "each share must be between 0 and 1"))
        }
        guard abs(all.reduce(0, +) - 1) < 1e-6 else {
            return .failure(SplitFractionsProblem(text: text, reason: "the shares must sum to 1"))
        }
        return .success(SplitFractions(train: train, dev: dev, test: test))
    }

    /// The share of one split.
    public func share(_ split: DatasetSplit) -> Double {
        switch split { case .train: train; case .dev: dev; case .test: test }
    }
}

/// Why a `--split` value was refused.
public struct SplitFractionsProblem: Error, Sendable, CustomStringConvertible {
    public var text: String
    public var reason: String
    public var description: String { "--split '\(text)': \(reason)" }
}
