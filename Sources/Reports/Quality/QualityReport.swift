import Archive
import Foundation

/// The quality figures a coordinator follows: per period, the share of decided calls where the midwife confirmed the
/// suggestion, chose more urgently (possible under-triage) or less urgently (over-triage), each with its 95 % Wilson
/// interval; the incidents per week against an alarm threshold; and the drift of the suggested reasons against a
/// reference period, and of the suggestions' confidence. Counts from 1 to 4 are suppressed, as in every aggregate.
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
    /// The drift of the suggestions' confidence scores against the same reference weeks.
    public var confidence: ConfidenceDrift?

    public var alarmedWeeks: [String] { incidentsPerWeek.filter { $0.count >= incidentAlarm }.map(\.week) }

    /// Whether any alarm is raised: incidents in a week, the reasons' drift or the confidence's drift.
    public var anyAlarm: Bool {
        !alarmedWeeks.isEmpty || !(drift?.alarms.isEmpty ?? true) || !(confidence?.drift?.alarms.isEmpty ?? true)
    }

    /// Incidents per researcher's conclusion (`unreviewed` for those without one), in the conclusions' order.
    public var conclusions: [(conclusion: String, count: Int)]

    /// Gathers the figures; `suppress` hides small cells (the default everywhere but a local screen).
    public static func make(rows: [QualityRow], incidents: [QualityIncident], incidentAlarm: Int, drift: DriftReport?,
                            confidence: ConfidenceDrift? = nil, suppress: Bool = true) -> QualityReport {
        let lines = rows.map { row -> Line in
            let small = [row.decided, row.confirmed, row.moreUrgent, row.lessUrgent].contains { (1..<SmallCellSuppression.threshold).contains($0) }
            return Line(row: row, suppressed: suppress && small)
        }
        var perWeek: [String: Int] = [:], perConclusion: [String: Int] = [:]
        for incident in incidents {
            perWeek[incident.week, default: 0] += 1
            perConclusion[incident.conclusion?.rawValue ?? "unreviewed", default: 0] += 1
        }
        let order = IncidentConclusion.allCases.map(\.rawValue) + ["unreviewed"]
        return QualityReport(lines: lines, incidentsPerWeek: perWeek.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                             incidentAlarm: max(1, incidentAlarm), drift: drift, confidence: confidence,
                             conclusions: order.compactMap { c in perConclusion[c].map { (c, $0) } })
    }
}

