import TriageCore

/// The quality questions as SQL that SQLite and PostgreSQL share: each decided call's latest decision beside the
/// suggestion it was made against, both kept on the call (`decided_against_*`) when the decision is stored.
enum QualitySQL {
    /// A disposition's urgency as a number, 0 the most urgent (the order of `Disposition`).
    static func rank(_ column: String) -> String {
        "CASE \(column) WHEN 'emergency_112' THEN 0 WHEN 'attend_now' THEN 1 WHEN 'attend_soon' THEN 2 "
            + "WHEN 'self_care' THEN 3 WHEN 'refer' THEN 4 WHEN 'info_only' THEN 5 ELSE 6 END"
    }

    /// Each decided call with its period keys, the suggestion's fields and both dispositions' ranks.
    static func decided(from: String?, to: String?, includeReplays: Bool, placeholder: (Int) -> String) -> (sql: String, arguments: [String]) {
        var arguments: [String] = [], clauses: [String] = includeReplays ? [] : [ReplayColumns.excluded()]
        if let from { arguments.append(from); clauses.append("c.started_date >= \(placeholder(arguments.count))") }
        if let to { arguments.append(to); clauses.append("c.started_date <= \(placeholder(arguments.count))") }
        let sql = """
            SELECT c.id AS call_id, COALESCE(c.started_iso_week, 'unknown') AS week, COALESCE(substr(c.started_date, 1, 7), 'unknown') AS month,
                   COALESCE(c.decided_against_primary, 'none') AS reason, c.decided_against_disposition AS suggested,
                   c.confirmed_disposition AS decided, COALESCE(c.decided_against_taxonomy, 'unknown') AS taxonomy_version,
                   COALESCE(c.decided_against_model, 'unknown') AS model_version,
                   \(rank("c.decided_against_disposition")) AS suggested_rank, \(rank("c.confirmed_disposition")) AS decided_rank
            FROM calls c
            WHERE c.decided_against_disposition IS NOT NULL AND c.confirmed_disposition IS NOT NULL
            \(clauses.isEmpty ? "" : "AND " + clauses.joined(separator: " AND "))
            """
        return (sql, arguments)
    }

    /// Decided calls counted per period, split value and pair of dispositions (suggested, decided): a few dozen
    /// rows a period, read from one covering index; `tally` turns them into the quality rows.
    static func pairs(_ query: QualityQuery, placeholder: (Int) -> String) -> (sql: String, arguments: [String]) {
        var arguments: [String] = [], clauses = ["c.decided_against_disposition IS NOT NULL", "c.confirmed_disposition IS NOT NULL"]
        if !query.includeReplays { clauses.append(ReplayColumns.excluded()) }
        if let from = query.from { arguments.append(from); clauses.append("c.started_date >= \(placeholder(arguments.count))") }
        if let to = query.to { arguments.append(to); clauses.append("c.started_date <= \(placeholder(arguments.count))") }
        let period = query.period == .week ? "COALESCE(c.started_iso_week, 'unknown')" : "COALESCE(substr(c.started_date, 1, 7), 'unknown')"
        let group: String
        switch query.split {
        case .none: group = "'all'"
        case .reason: group = "COALESCE(c.decided_against_primary, 'none')"
        case .disposition: group = "c.decided_against_disposition"
        case .taxonomyVersion: group = "COALESCE(c.decided_against_taxonomy, 'unknown')"
        case .modelVersion: group = "COALESCE(c.decided_against_model, 'unknown')"
        case .overrideReason: group = "COALESCE(c.decided_override_reason, 'none')"
        }
        let sql = """
            SELECT \(period) AS period, \(group) AS grp, c.decided_against_disposition AS suggested, c.confirmed_disposition AS decided,
                   count(*) AS n
            FROM calls c WHERE \(clauses.joined(separator: " AND "))
            GROUP BY 1, 2, 3, 4
            """
        return (sql, arguments)
    }

    /// The quality rows from `pairs`' counts, in period and split order.
    static func tally(_ pairs: [(period: String, group: String, suggested: String, decided: String, count: Int)]) -> [QualityRow] {
        var rows: [String: QualityRow] = [:]
        for pair in pairs {
            let key = pair.period + "\u{1}" + pair.group
            var row = rows[key] ?? QualityRow(period: pair.period, group: pair.group, decided: 0, confirmed: 0, moreUrgent: 0, lessUrgent: 0)
            let s = Disposition(rawValue: pair.suggested)?.urgencyRank ?? Disposition.allCases.count
            let d = Disposition(rawValue: pair.decided)?.urgencyRank ?? Disposition.allCases.count
            row.decided += pair.count
            if d == s { row.confirmed += pair.count } else if d < s { row.moreUrgent += pair.count } else { row.lessUrgent += pair.count }
            rows[key] = row
        }
        return rows.values.sorted { ($0.period, $0.group) < ($1.period, $1.group) }
    }

    /// The possible under-triages, oldest call first.
    static func incidents(from: String?, to: String?, includeReplays: Bool, placeholder: (Int) -> String) -> (sql: String, arguments: [String]) {
        let (inner, arguments) = decided(from: from, to: to, includeReplays: includeReplays, placeholder: placeholder)
        let sql = """
            SELECT q.call_id, q.week, q.suggested, q.decided, q.reason, q.model_version,
                   (SELECT r.conclusion FROM incident_reviews r WHERE r.call_id = q.call_id ORDER BY r.id DESC LIMIT 1) AS conclusion
            FROM (\(inner)) q
            WHERE q.suggested_rank - q.decided_rank >= 2 OR (q.suggested_rank >= 3 AND q.decided_rank <= 1)
            ORDER BY q.call_id
            """
        return (sql, arguments)
    }

    /// The suggestions' confidence counted per ISO week and bin (`ConfidenceCount`), from the call's current suggestion.
    static func confidence(from: String?, to: String?, includeReplays: Bool, placeholder: (Int) -> String) -> (sql: String, arguments: [String]) {
        var arguments: [String] = [], clauses = ["c.suggested_confidence IS NOT NULL"] + (includeReplays ? [] : [ReplayColumns.excluded()])
        if let from { arguments.append(from); clauses.append("c.started_date >= \(placeholder(arguments.count))") }
        if let to { arguments.append(to); clauses.append("c.started_date <= \(placeholder(arguments.count))") }
        // A ladder rather than floor(): the same bins in both dialects (PostgreSQL's cast rounds, SQLite's truncates).
        let bins = (1..<ConfidenceCount.bins).reversed().map { b in
            "WHEN c.suggested_confidence >= \(Double(b) / Double(ConfidenceCount.bins)) THEN \(b)"
        }.joined(separator: " ")
        let sql = """
            SELECT COALESCE(c.started_iso_week, 'unknown') AS week, CASE \(bins) ELSE 0 END AS bin, count(*) AS n
            FROM calls c WHERE \(clauses.joined(separator: " AND "))
            GROUP BY 1, 2 ORDER BY 1, 2
            """
        return (sql, arguments)
    }

    /// A call's reviews (every call's when `callID` is nil), oldest first.
    static func reviews(callID: Int64?, placeholder: (Int) -> String) -> String {
        """
        SELECT id, call_id, reviewed_at, reviewed_by, conclusion, note FROM incident_reviews
        \(callID == nil ? "" : "WHERE call_id = \(placeholder(1))") ORDER BY id
        """
    }
}
