/// A statistics question as SQL over `calls c` and `current_reasons`, in the SQL that SQLite and PostgreSQL share;
/// each store numbers the parameters its own way (`?` or `$n`) and runs it on one snapshot.
struct StatsSQL {
    /// Counts per key combination: columns `k0`, `k1`, … and `n`.
    let grouped: String
    /// The number of calls in the population, when the groups overlap (a call with several reasons counts in
    /// each); `nil` when every call falls in exactly one group, so that the groups' counts add up to it.
    let total: String?
    /// The parameters of both statements, in order.
    let arguments: [String]

    init(_ query: StatsQuery, placeholder: (Int) -> String) {
        let dims = query.dimensions, src = query.source, countsAllReasons = query.countsAllReasons
        var arguments: [String] = []
        func bind(_ value: String) -> String { arguments.append(value); return placeholder(arguments.count) }

        // Every suggestion and decision has a disposition: testing it keeps the statistics on indexes.
        var clauses: [String]
        switch src {
        case .suggested: clauses = ["c.suggested_disposition IS NOT NULL"]
        case .confirmed: clauses = ["c.confirmed_disposition IS NOT NULL"]
        case .labelled: clauses = ["c.id IN (SELECT call_id FROM current_reasons WHERE source = 'labelled')"]
        }
        let filter = query.filter
        if !filter.includeReplays { clauses.append(ReplayColumns.excluded()) }
        if let from = filter.from { clauses.append("c.started_date >= \(bind(from))") }
        if let to = filter.to { clauses.append("c.started_date <= \(bind(to))") }
        if let language = filter.language { clauses.append("c.language = \(bind(language))") }
        if let caller = filter.caller { clauses.append("c.caller_type = \(bind(caller))") }
        if let disposition = filter.disposition {
            clauses.append((src == .confirmed ? "c.confirmed_disposition = " : "c.suggested_disposition = ") + bind(disposition))
        }
        if let reason = filter.reason {
            clauses.append("c.id IN (SELECT x.call_id FROM current_reasons x WHERE x.source = '\(src.rawValue)' AND x.reason_code = \(bind(reason)))")
        }
        let population = clauses.joined(separator: " AND ")

        // The primary reason is a column of the call; every reason needs the suggestion's, decision's or labels' rows.
        let reasonJoin = dims.contains(.reason) && countsAllReasons
            ? "JOIN current_reasons r ON r.call_id = c.id AND r.source = '\(src.rawValue)'" : ""
        let keys = dims.map { d -> String in
            guard d == .reason, !countsAllReasons else { return d.sql(source: src) }
            return src == .confirmed ? "c.confirmed_primary" : "c.suggested_primary"
        }
        if dims == [.reason], countsAllReasons, filter == StatsFilter(includeReplays: filter.includeReplays) {
            // Every reason, nothing else asked: the reasons' own index answers it, and the few replays' ids leave them out.
            let replays = filter.includeReplays ? "" : " AND " + ReplayColumns.excluded("r.call_id")
            grouped = "SELECT r.reason_code AS k0, count(*) AS n FROM current_reasons r WHERE r.source = '\(src.rawValue)'\(replays) GROUP BY r.reason_code"
        } else {
            grouped = """
                SELECT \(keys.enumerated().map { "\($1) AS k\($0)" }.joined(separator: ", ")), count(*) AS n
                FROM calls c \(reasonJoin)
                WHERE \(population)
                GROUP BY \(keys.indices.map { "k\($0)" }.joined(separator: ", "))
                """
        }
        total = reasonJoin.isEmpty ? nil : "SELECT count(*) AS n FROM calls c WHERE \(population)"
        self.arguments = arguments
    }
}

extension StatsDimension {
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
}
