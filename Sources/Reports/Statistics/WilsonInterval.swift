import Archive

import Foundation

/// The Wilson score interval of a proportion: honest at small counts and at 0 or 100 %, unlike the
/// normal approximation.
public enum WilsonInterval {
    /// The 95 % interval of `successes` out of `total`, or `nil` when `total` is 0.
    public static func interval(_ successes: Int, of total: Int, z: Double = 1.959964) -> ClosedRange<Double>? {
        guard total > 0 else { return nil }
        let n = Double(total), p = Double(successes) / n, z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / denominator
        return max(0, centre - half)...min(1, centre + half)
    }
}

extension StatsTable {
    /// The 95 % Wilson interval of a row's share.
    public func interval(_ row: Row) -> ClosedRange<Double>? { row.suppressed ? nil : WilsonInterval.interval(row.count, of: total) }
}
