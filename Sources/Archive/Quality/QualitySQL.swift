/// The quality questions as SQL that SQLite and PostgreSQL share: each decided call's latest decision beside the
/// suggestion it was made on (the suggestion the decision names, else the call's current one).
enum QualitySQL {
    /// A disposition's urgency as a number, 0 the most urgent (the order of `Disposition`).
    static func rank(_ column: String) -> String {
        "CASE \(column) WHEN 'emergency_112' THEN 0 WHEN 'attend_now' THEN 1 WHEN 'attend_soon' THEN 2 "
            + "WHEN 'self_care' THEN 3 WHEN 'refer' THEN 4 WHEN 'info_only' THEN 5 ELSE 6 END"
    }

    /// Each decided call with its period keys, the suggestion's fields and both dispositions' ranks.
    static func decided(from: String?, to: String?, placeholder: (Int) -> String) -> (sql: String, arguments: [String]) {
        var arguments: [String] = [], clauses: [String] = []
        if let from { arguments.append(from); clauses.append("c.started_date >= \(placeholder(arguments.count))") }
        if let to { arguments.append(to); clauses.append("c.started_date <= \(placeholder(arguments.count))") }
        let sql = """
            SELECT c.id AS call_id, COALESCE(c.started_iso_week, 'unknown') AS week, COALESCE(substr(c.started_date, 1, 7), 'unknown') AS month,
                   COALESCE(a.primary_reason, 'none') AS reason, a.disposition AS suggested, d.disposition AS decided,
                   a.taxonomy_version AS taxonomy_version, a.model_version AS model_version,
                   \(rank("a.disposition")) AS suggested_rank, \(rank("d.disposition")) AS decided_rank
            FROM calls c
            JOIN decisions d ON d.id = c.latest_decision_id
            JOIN assessments a ON a.id = COALESCE(d.assessment_id, c.latest_assessment_id)
            \(clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND "))
            """
        return (sql, arguments)
    }

    /// Counts per period and split value.
    static func rows(_ query: QualityQuery, placeholder: (Int) -> String) -> (sql: String, arguments: [String]) {
        let (inner, arguments) = decided(from: query.from, to: query.to, placeholder: placeholder)
        let group: String
        switch query.split {
        case .none: group = "'all'"
        case .reason: group = "q.reason"
        case .disposition: group = "q.suggested"
        case .taxonomyVersion: group = "q.taxonomy_version"
        case .modelVersion: group = "q.model_version"
        }
        let sql = """
            SELECT q.\(query.period.rawValue) AS period, \(group) AS grp, count(*) AS decided,
                   sum(CASE WHEN q.decided_rank = q.suggested_rank THEN 1 ELSE 0 END) AS confirmed,
                   sum(CASE WHEN q.decided_rank < q.suggested_rank THEN 1 ELSE 0 END) AS more_urgent,
                   sum(CASE WHEN q.decided_rank > q.suggested_rank THEN 1 ELSE 0 END) AS less_urgent
            FROM (\(inner)) q
            GROUP BY 1, 2
            ORDER BY 1, 2
            """
        return (sql, arguments)
    }

    /// The possible under-triages, oldest call first.
    static func incidents(from: String?, to: String?, placeholder: (Int) -> String) -> (sql: String, arguments: [String]) {
        let (inner, arguments) = decided(from: from, to: to, placeholder: placeholder)
        let sql = """
            SELECT q.call_id, q.week, q.suggested, q.decided, q.reason, q.model_version FROM (\(inner)) q
            WHERE q.suggested_rank - q.decided_rank >= 2 OR (q.suggested_rank >= 3 AND q.decided_rank <= 1)
            ORDER BY q.call_id
            """
        return (sql, arguments)
    }
}
