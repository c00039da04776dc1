import Archive
import Foundation

/// The quality figures a coordinator follows: per period, the share of decided calls where the midwife confirmed the
/// suggestion, chose more urgently (possible under-triage) or less urgently (over-triage), each with its 95 % Wilson
/// interval; the incidents per week against an alarm threshold; and the drift of the suggested reasons against a
/// reference period. Counts from 1 to 4 are suppressed, as in every aggregate.
public struct QualityReport: Sendable {
    public struct Line: Sendable {
        public var row: QualityRow
        /// Whether the row's counts are hidden (fewer than five decided calls in it, or a count from 1 to 4).
        public var suppressed: Bool
        public func share(_ count: Int) -> Double? { row.decided == 0 ? nil : Double(count) / Double(row.decided) }
        public func interval(_ count: Int) -> ClosedRange<Double>? { WilsonInterval.interval(count, of: row.decided) }
    }

    public var lines: [Line]
    /// Incidents per ISO week, and the weeks at or above the alarm threshold.
    public var incidentsPerWeek: [(week: String, count: Int)]
    public var incidentAlarm: Int
    public var drift: DriftReport?

    public var alarmedWeeks: [String] { incidentsPerWeek.filter { $0.count >= incidentAlarm }.map(\.week) }

    /// Gathers the figures; `suppress` hides small cells (the default everywhere but a local screen).
    public static func make(rows: [QualityRow], incidents: [QualityIncident], incidentAlarm: Int, drift: DriftReport?,
                            suppress: Bool = true) -> QualityReport {
        let lines = rows.map { row -> Line in
            let small = [row.decided, row.confirmed, row.moreUrgent, row.lessUrgent].contains { (1..<SmallCellSuppression.threshold).contains($0) }
            return Line(row: row, suppressed: suppress && small)
        }
        var perWeek: [String: Int] = [:]
        for incident in incidents { perWeek[incident.week, default: 0] += 1 }
        return QualityReport(lines: lines, incidentsPerWeek: perWeek.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                             incidentAlarm: max(1, incidentAlarm), drift: drift)
    }
}

/// The drift of the weekly distribution of suggested primary reasons against a reference period, by the
/// population-stability index: PSI = Σ (p − q) · ln(p / q) over the reasons (shares smoothed by half a call, so an
/// empty reason does not make it infinite). Above 0.10 it is a warning, above 0.25 an alarm — a changed population
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
