import Archive
import Foundation

/// The weekly distribution of the suggestions' confidence scores in `ConfidenceCount.bins` bins, and its drift against
/// the reference weeks by the same PSI, warning and alarm as the reasons' (a recogniser that starts to mishear shows as
/// confidence falling before the midwives notice).
public struct ConfidenceDrift: Sendable {
    /// A week's suggestions per bin (bin 0 first).
    public struct Week: Sendable, Equatable {
        public var week: String
        public var counts: [Int]
        public var total: Int { counts.reduce(0, +) }
    }

    public var weeks: [Week]
    /// Nil when there are no more weeks than the reference.
    public var drift: DriftReport?

    /// The distribution and its drift from the store's counts; the first `referenceWeeks` weeks with suggestions are
    /// the reference.
    public static func make(_ counts: [ConfidenceCount], referenceWeeks: Int = 8) -> ConfidenceDrift {
        var perWeek: [String: [Int]] = [:]
        for c in counts where c.week != "unknown" && c.count > 0 && (0..<ConfidenceCount.bins).contains(c.bin) {
            perWeek[c.week, default: Array(repeating: 0, count: ConfidenceCount.bins)][c.bin] += c.count
        }
        let weeks = perWeek.keys.sorted().map { Week(week: $0, counts: perWeek[$0] ?? []) }
        let categories = perWeek.mapValues { counts in
            Dictionary(uniqueKeysWithValues: counts.enumerated().filter { $0.element > 0 }.map { (Self.label($0.offset), $0.element) })
        }
        return ConfidenceDrift(weeks: weeks, drift: DriftReport.make(perWeek: categories, referenceWeeks: referenceWeeks))
    }

    /// A bin's range as text (`0.9–1.0`).
    public static func label(_ bin: Int) -> String {
        String(format: "%.1f–%.1f", Double(bin) / Double(ConfidenceCount.bins), Double(bin + 1) / Double(ConfidenceCount.bins))
    }
}
