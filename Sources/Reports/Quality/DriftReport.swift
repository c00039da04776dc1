import Archive
import Foundation

/// The drift of a weekly distribution (the suggested primary reasons, the confidence scores' bins) against a reference
/// period, by the population-stability index: PSI = Σ (p − q) · ln(p / q) over the categories (shares smoothed by half a call, so an
/// empty category does not make it infinite). Above 0.10 it is a warning, above 0.25 an alarm — a changed population
/// or a broken recogniser — shown before the midwives notice.
public struct DriftReport: Sendable {
    public struct Week: Sendable {
        public var week: String
        public var calls: Int
        public var psi: Double
        public var level: Level
    }
    public enum Level: String, Sendable { case stable, warning, alarm, tooFew = "too few calls" }

    public static let warningAbove = 0.10
    public static let alarmAbove = 0.25
    /// Weeks with fewer calls than this are not judged.
    public static let minimumCalls = 30

    /// The reference period's weeks.
    public var referenceWeeks: [String]
    public var weeks: [Week]

    public var alarms: [Week] { weeks.filter { $0.level == .alarm } }

    /// The drift of each week after the reference (its first `referenceWeeks` weeks with calls, or the weeks
    /// from `referenceFrom` to `referenceTo`), from a week × reason table of suggested primary reasons.
    public static func make(weekByReason table: StatsTable, referenceWeeks count: Int = 8) -> DriftReport? {
        guard table.dimensions == [.week, .reason] else { return nil }
        var perWeek: [String: [String: Int]] = [:]
        for row in table.rows where row.keys[0] != "unknown" && row.count > 0 { perWeek[row.keys[0], default: [:]][row.keys[1], default: 0] += row.count }
        return make(perWeek: perWeek, referenceWeeks: count)
    }

    /// The drift of each week's distribution over categories (reasons, confidence bins) after the reference weeks.
    public static func make(perWeek: [String: [String: Int]], referenceWeeks count: Int = 8) -> DriftReport? {
        let weeks = perWeek.keys.sorted()
        guard weeks.count > count else { return nil }
        let reference = Array(weeks.prefix(count))
        var expected: [String: Int] = [:]
        for week in reference { for (reason, n) in perWeek[week] ?? [:] { expected[reason, default: 0] += n } }
        let reasons = Set(perWeek.values.flatMap(\.keys)).sorted()
        let expectedTotal = Double(expected.values.reduce(0, +))
        let judged = weeks.dropFirst(count).map { week -> Week in
            let observed = perWeek[week] ?? [:]
            let total = observed.values.reduce(0, +)
            guard total >= minimumCalls else { return Week(week: week, calls: total, psi: 0, level: .tooFew) }
            let psi = reasons.reduce(0.0) { sum, reason in
                let p = (Double(observed[reason] ?? 0) + 0.5) / (Double(total) + 0.5 * Double(reasons.count))
                let q = (Double(expected[reason] ?? 0) + 0.5) / (expectedTotal + 0.5 * Double(reasons.count))
                return sum + (p - q) * log(p / q)
            }
            return Week(week: week, calls: total, psi: psi, level: psi > alarmAbove ? .alarm : (psi > warningAbove ? .warning : .stable))
        }
        return DriftReport(referenceWeeks: reference, weeks: judged)
    }
}
