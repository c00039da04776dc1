/// Krippendorff's alpha for nominal data, any number of annotators, missing values allowed: `1 − Dₒ / Dₑ` from the
/// coincidence matrix of the pairable units (those with at least two values), as the `krippendorff` package computes
/// it. Undefined (nil) when the pairable values hold only one category, where that package fails or gives NaN.
public struct KrippendorffAlpha: Sendable, Equatable {
    /// `coincidences[c][k]`: the coincidences of values c and k within units, each unit weighing 1 in all.
    public private(set) var coincidences: [[Double]]
    /// The pairable units counted (with their weights).
    public private(set) var units: Double = 0

    public init(categories: Int) { coincidences = Array(repeating: Array(repeating: 0, count: categories), count: categories) }

    /// Counts a unit whose annotators gave `counts[c]` values of category c, `weight` times (frames of one pattern).
    public mutating func add(counts: [Int], weight: Double = 1) {
        let m = counts.reduce(0, +)
        guard m >= 2 else { return }
        for c in counts.indices where counts[c] > 0 {
            for k in counts.indices where counts[k] > 0 {
                let pairs = Double(counts[c]) * Double(c == k ? counts[k] - 1 : counts[k])
                coincidences[c][k] += weight * pairs / Double(m - 1)
            }
        }
        units += weight
    }

    /// Counts a unit from its values, nil where an annotator gave none.
    public mutating func add(values: [Int?], weight: Double = 1) {
        var counts = Array(repeating: 0, count: coincidences.count)
        for case let v? in values { counts[v] += 1 }
        add(counts: counts, weight: weight)
    }

    public var value: Double? {
        let totals = coincidences.map { $0.reduce(0, +) }
        let n = totals.reduce(0, +)
        var disagreeing = 0.0, expected = 0.0
        for c in coincidences.indices {
            for k in coincidences.indices where k != c {
                disagreeing += coincidences[c][k]
                expected += totals[c] * totals[k]
            }
        }
        guard n > 1, expected > 0 else { return nil }
        return 1 - (n - 1) * disagreeing / expected
    }

    /// Alpha of units given as each annotator's value (nil: missing), categories `0..<categories`.
    public static func of(_ units: [[Int?]], categories: Int) -> Double? {
        var alpha = KrippendorffAlpha(categories: categories)
        for unit in units { alpha.add(values: unit) }
        return alpha.value
    }
}
