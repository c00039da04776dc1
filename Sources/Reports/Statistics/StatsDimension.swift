/// What the statistics can be grouped by. Each is one column of the output, named by `rawValue`.
public enum StatsDimension: String, Sendable, CaseIterable {
    case reason, disposition, hour, weekday, week, month
    case gestationalAgeBand = "ga_band"
    case firstBaby = "first_baby"
    case durationBand = "duration_band"
    case language, caller

    /// The SQL expression of the dimension over `calls c` (the reason is joined separately).
    func sql(source: StatsSource) -> String {
        switch self {
        case .reason: return "r.reason_code"
        case .disposition: return source == .confirmed ? "c.confirmed_disposition" : "c.suggested_disposition"
        case .hour: return "c.started_hour"
        case .weekday: return "c.started_weekday"
        case .week: return "c.started_iso_week"
        case .month: return "substr(c.started_date, 1, 7)"
        case .gestationalAgeBand:
            return """
                CASE WHEN c.days_postpartum IS NOT NULL THEN 'postnatal' WHEN c.gestational_week IS NULL THEN 'unknown'
                WHEN c.gestational_week < 24 THEN '<24' WHEN c.gestational_week < 28 THEN '24-27' WHEN c.gestational_week < 32 THEN '28-31'
                WHEN c.gestational_week < 34 THEN '32-33' WHEN c.gestational_week < 37 THEN '34-36' WHEN c.gestational_week < 42 THEN '37-41'
                ELSE '42+' END
                """
        case .firstBaby: return "CASE c.first_baby WHEN 1 THEN 'yes' WHEN 0 THEN 'no' ELSE 'unknown' END"
        case .durationBand:
            return """
                CASE WHEN c.duration_ms IS NULL THEN 'unknown' WHEN c.duration_ms < 60000 THEN '<1 min' WHEN c.duration_ms < 120000 THEN '1-2 min'
                WHEN c.duration_ms < 300000 THEN '2-5 min' WHEN c.duration_ms < 600000 THEN '5-10 min' ELSE '10+ min' END
                """
        case .language: return "COALESCE(c.language, 'unknown')"
        case .caller: return "COALESCE(c.caller_type, 'unknown')"
        }
    }

    /// Every value the dimension can take, where the set is fixed, so empty cells show as 0.
    var allValues: [String]? {
        switch self {
        case .hour: return (0..<24).map(String.init)
        case .weekday: return (1...7).map(String.init)
        case .gestationalAgeBand: return ["<24", "24-27", "28-31", "32-33", "34-36", "37-41", "42+", "postnatal", "unknown"]
        case .firstBaby: return ["yes", "no", "unknown"]
        case .durationBand: return ["<1 min", "1-2 min", "2-5 min", "5-10 min", "10+ min", "unknown"]
        default: return nil
        }
    }

    /// Whether the dimension's values order as numbers.
    var isNumeric: Bool { self == .hour || self == .weekday }
}
