import Foundation
import GRDB

extension SQLiteArchiveStore: StatisticsStore {
    /// Runs the query on one read snapshot: each common grouping is answered from a covering index.
    public func statistics(_ query: StatsQuery) throws -> StatsTable {
        try query.validate()
        let countsAllReasons = query.countsAllReasons
        let (whereSQL, arguments) = Self.population(query)
        let dims = query.dimensions
        let src = query.source
        // The primary reason is a column of the call; every reason needs the suggestion's, decision's or labels' rows.
        var reasonJoin = ""
        if dims.contains(.reason), countsAllReasons {
            reasonJoin = "JOIN current_reasons r ON r.call_id = c.id AND r.source = '\(src.rawValue)'"
        }
        let keys = dims.map { d -> String in
            guard d == .reason, !countsAllReasons else { return d.sql(source: src) }
            return src == .confirmed ? "c.confirmed_primary" : "c.suggested_primary"
        }
        var sql = """
            SELECT \(keys.enumerated().map { "\($1) AS k\($0)" }.joined(separator: ", ")), count(*) AS n
            FROM calls c \(reasonJoin)
            WHERE \(whereSQL)
            GROUP BY \(keys.indices.map { "k\($0)" }.joined(separator: ", "))
            """
        // Every reason, nothing else asked: the reasons' own index answers it without touching the calls.
        if dims == [.reason], countsAllReasons, query.filter == StatsFilter() {
            sql = "SELECT r.reason_code AS k0, count(*) AS n FROM current_reasons r WHERE r.source = '\(src.rawValue)' GROUP BY k0"
        }
        let groupSQL = sql
        // When every call falls in exactly one group, the groups' counts add up to the total: no second pass.
        let partitions = reasonJoin.isEmpty
        let (counts, total) = try read { db -> ([[String]: Int], Int) in
            var counts: [[String]: Int] = [:]
            for row in try Row.fetchAll(db, sql: groupSQL, arguments: arguments) {
                let key = dims.indices.map { i -> String in
                    let value: DatabaseValue = row["k\(i)"]
                    return value.isNull ? "unknown" : (String.fromDatabaseValue(value) ?? Int.fromDatabaseValue(value).map(String.init) ?? "\(value)")
                }
                counts[key, default: 0] += row["n"] as Int
            }
            let total = partitions ? counts.values.reduce(0, +)
                : (try Int.fetchOne(db, sql: "SELECT count(*) FROM calls c WHERE \(whereSQL)", arguments: arguments) ?? 0)
            return (counts, total)
        }
        return query.table(counts: counts, total: total)
    }

    /// The WHERE clause choosing the calls, and its arguments.
    static func population(_ query: StatsQuery) -> (String, StatementArguments) {
        let filter = query.filter, source = query.source
        var clauses: [String] = []
        var arguments: [DatabaseValueConvertible?] = []
        // Every suggestion and decision has a disposition: testing it keeps the statistics on covering indexes.
        switch source {
        case .suggested: clauses.append("c.suggested_disposition IS NOT NULL")
        case .confirmed: clauses.append("c.confirmed_disposition IS NOT NULL")
        case .labelled: clauses.append("c.id IN (SELECT call_id FROM current_reasons WHERE source = 'labelled')")
        }
        if let from = filter.from { clauses.append("c.started_date >= ?"); arguments.append(from) }
        if let to = filter.to { clauses.append("c.started_date <= ?"); arguments.append(to) }
        if let language = filter.language { clauses.append("c.language = ?"); arguments.append(language) }
        if let caller = filter.caller { clauses.append("c.caller_type = ?"); arguments.append(caller) }
        if let disposition = filter.disposition {
            clauses.append(source == .confirmed ? "c.confirmed_disposition = ?" : "c.suggested_disposition = ?")
            arguments.append(disposition)
        }
        if let reason = filter.reason {
            clauses.append("c.id IN (SELECT x.call_id FROM current_reasons x WHERE x.source = '\(source.rawValue)' AND x.reason_code = ?)")
            arguments.append(reason)
        }
        return (clauses.joined(separator: " AND "), StatementArguments(arguments))
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
