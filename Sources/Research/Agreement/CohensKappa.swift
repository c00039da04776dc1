/// Cohen's kappa for two annotators over the same units, from their confusion table: `(pₒ − pₑ) / (1 − pₑ)`, as
/// scikit-learn's `cohen_kappa_score` computes it (unweighted). Undefined (nil) when chance agreement is certain
/// (both gave one and the same value throughout), where scikit-learn gives NaN.
public struct CohensKappa: Sendable, Equatable {
    /// `table[a][b]`: how many units (or frames) the first annotator put in category a and the second in b.
    public private(set) var table: [[Double]]

    public init(categories: Int) { table = Array(repeating: Array(repeating: 0, count: categories), count: categories) }

    /// Counts `weight` units where the first annotator said `a` and the second `b`.
    public mutating func add(_ a: Int, _ b: Int, weight: Double = 1) { table[a][b] += weight }

    /// How many units are counted.
    public var units: Double { table.joined().reduce(0, +) }

    /// The share of units on which the two agree.
    public var observed: Double? {
        let n = units
        return n > 0 ? table.indices.map { table[$0][$0] }.reduce(0, +) / n : nil
    }

    public var value: Double? {
        let n = units
        guard n > 0, let po = observed else { return nil }
        let rows = table.map { $0.reduce(0, +) }
        let columns = table.indices.map { k in table.map { $0[k] }.reduce(0, +) }
        let pe = zip(rows, columns).map { $0 * $1 }.reduce(0, +) / (n * n)
        guard 1 - pe > 1e-15 else { return nil }
        return (po - pe) / (1 - pe)
    }

    /// Kappa of two equally long sequences of categories `0..<categories`.
    public static func of(_ a: [Int], _ b: [Int], categories: Int) -> Double? {
        var kappa = CohensKappa(categories: categories)
        for (x, y) in zip(a, b) { kappa.add(x, y) }
        return kappa.value
    }
}
