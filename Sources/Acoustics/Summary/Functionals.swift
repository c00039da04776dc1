import Foundation

/// The statistics of one descriptor over a set of frames: mean, standard deviation, the 20th, 50th and
/// 80th percentiles, the range (max − min) and the slope of a straight line fitted over time (per second).
public struct Functionals: Sendable, Equatable, Codable {
    public var mean: Double
    public var std: Double
    public var p20: Double
    public var p50: Double
    public var p80: Double
    public var range: Double
    public var slopePerSecond: Double

    public static let names = ["mean", "std", "p20", "p50", "p80", "range", "slope"]
    public var values: [Double] { [mean, std, p20, p50, p80, range, slopePerSecond] }

    /// The statistics of `values` taken at `timesMs`; all zero for no values.
    public init(_ values: [Double], timesMs: [Int]) {
        var copy = values
        self = Self.of(&copy, timesMs: timesMs)
    }

    /// The statistics of `values` taken at `timesMs`, reordering `values` in place (no copy of a long
    /// column). Sums are taken in `Double` whatever the values' type.
    static func of<Value: RankableFloat>(_ values: inout [Value], timesMs: some Sequence<Int>) -> Functionals {
        of(&values) { body in timesMs.forEach(body) }
    }

    /// The same, with the times handed out in order by `forEachTime` (twice), so that a long column's
    /// times can come from a spill rather than from memory.
    static func of<Value: RankableFloat>(_ values: inout [Value], forEachTime: ((Int) -> Void) -> Void) -> Functionals {
        guard !values.isEmpty else { return Functionals(mean: 0, std: 0, p20: 0, p50: 0, p80: 0, range: 0, slopePerSecond: 0) }
        let n = Double(values.count)
        let mean = values.reduce(0.0) { $0 + Double($1) } / n
        let variance = values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / n
        var tSum = 0.0, i = 0
        forEachTime { t in
            guard i < values.count else { return }
            tSum += Double(t) / 1000
            i += 1
        }
        let tMean = tSum / n
        var sxy = 0.0, sxx = 0.0
        i = 0
        forEachTime { t in
            guard i < values.count else { return }
            let x = Double(t) / 1000
            sxy += (x - tMean) * (Double(values[i]) - mean); sxx += (x - tMean) * (x - tMean)
            i += 1
        }
        let slope = sxx > 0 ? sxy / sxx : 0
        let hasNaN = values.contains(where: \.isNaN)
        let smallest = Double(values.min() ?? 0), largest = Double(values.max() ?? 0)
        let p = percentiles(&values, [0.2, 0.5, 0.8])
        // With a NaN the values are now sorted, and the range is that of the sorted ends, as before.
        let range = hasNaN ? Double(values.last ?? 0) - Double(values.first ?? 0) : largest - smallest
        return Functionals(mean: mean, std: variance.squareRoot(), p20: p[0], p50: p[1], p80: p[2], range: range, slopePerSecond: slope)
    }

    /// The percentiles `ps` (ascending, 0…1) of `values`, as `percentile(sorted:)` gives them, found by
    /// selection rather than a full sort (the same values: a rank's value does not depend on how the
    /// others are ordered), reordering `values` (their order afterwards is not defined). With a NaN (which has no rank) `values` are sorted.
    static func percentiles<Value: RankableFloat>(_ values: inout [Value], _ ps: [Double]) -> [Double] {
        guard !values.isEmpty else { return ps.map { _ in 0 } }
        if values.contains(where: \.isNaN) {
            values.sort()
            let sorted = values.map(Double.init)
            return ps.map { percentile(sorted: sorted, $0) }
        }
        let positions = ps.map { p -> (lower: Int, upper: Int, fraction: Double) in
            let position = p * Double(values.count - 1)
            let lower = Int(position.rounded(.down))
            return (lower, min(values.count - 1, lower + 1), position - Double(lower))
        }
        let ranked = OrderStatistics.values(atRanks: positions.flatMap { [$0.lower, $0.upper] }, in: &values)
        return positions.enumerated().map { i, p in
            let a = Double(ranked[2 * i]), b = Double(ranked[2 * i + 1])
            return a + (b - a) * p.fraction
        }
    }

    /// The p-th percentile (0…1) of sorted values, linearly interpolated between the closest ranks
    /// (numpy's default); 0 for no values.
    static func percentile(sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let position = p * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down)), upper = min(sorted.count - 1, lower + 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }

    public init(mean: Double, std: Double, p20: Double, p50: Double, p80: Double, range: Double, slopePerSecond: Double) {
        self.mean = mean; self.std = std; self.p20 = p20; self.p50 = p50; self.p80 = p80; self.range = range; self.slopePerSecond = slopePerSecond
    }
}
