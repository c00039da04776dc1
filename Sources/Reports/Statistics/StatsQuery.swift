import Archive
import GRDB

/// A statistics question over the archive: which calls (filter), counted from whose reasons (source),
/// grouped by which keys.
public struct StatsQuery: Sendable {
    public var dimensions: [StatsDimension]
    public var source: StatsSource
    public var filter: StatsFilter
    /// Count every reason of a call, not only the primary (labelled statistics always do).
    public var allReasons: Bool
    /// Reason codes to show even when no call has them (the taxonomy's), in order.
    public var knownReasons: [String]

    public init(dimensions: [StatsDimension], source: StatsSource = .suggested, filter: StatsFilter = StatsFilter(),
                allReasons: Bool = false, knownReasons: [String] = []) {
        self.dimensions = dimensions; self.source = source; self.filter = filter; self.allReasons = allReasons; self.knownReasons = knownReasons
    }

    /// A query that cannot be answered, in words.
    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs the query on one read snapshot of the archive.
    public func run(on archive: CallArchive) throws -> StatsTable {
        if dimensions.isEmpty || dimensions.count > 2 { throw Invalid(description: "group by one or two keys") }
        if Set(dimensions).count != dimensions.count { throw Invalid(description: "each key once") }
        if source == .labelled, dimensions.contains(.disposition) || filter.disposition != nil {
            throw Invalid(description: "researchers' labels carry no disposition; use --source suggested or confirmed")
        }
        let countsAllReasons = allReasons || source == .labelled
        let (whereSQL, arguments) = population()
        let dims = dimensions
        let src = source
        let known = knownReasons
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
        if dims == [.reason], countsAllReasons, filter == StatsFilter() {
            sql = "SELECT r.reason_code AS k0, count(*) AS n FROM current_reasons r WHERE r.source = '\(src.rawValue)' GROUP BY k0"
        }
        let groupSQL = sql
        // When every call falls in exactly one group, the groups' counts add up to the total: no second pass.
        let partitions = reasonJoin.isEmpty
        return try archive.read { db in
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
            // Fixed value sets show their empty cells.
            let values = dims.map { d -> [String]? in d == .reason && !known.isEmpty ? known : d.allValues }
            if values.allSatisfy({ $0 != nil }) {
                for combination in Self.product(values.compactMap { $0 }) where counts[combination] == nil { counts[combination] = 0 }
            }
            let rows = counts.map { StatsTable.Row(keys: $0.key, count: $0.value) }.sorted { a, b in Self.order(a, b, dims, known) }
            return StatsTable(dimensions: dims, source: src, rows: rows, total: total, allReasons: countsAllReasons)
        }
    }

    /// The WHERE clause choosing the calls, and its arguments.
    func population() -> (String, StatementArguments) {
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

    static func product(_ lists: [[String]]) -> [[String]] {
        lists.reduce([[]]) { partial, list in partial.flatMap { prefix in list.map { prefix + [$0] } } }
    }

    /// Numbers by value, fixed sets in their order, reasons by count (then the taxonomy's order), the rest by text.
    static func order(_ a: StatsTable.Row, _ b: StatsTable.Row, _ dims: [StatsDimension], _ known: [String]) -> Bool {
        for (i, d) in dims.enumerated() where a.keys[i] != b.keys[i] {
            if d.isNumeric, let x = Int(a.keys[i]), let y = Int(b.keys[i]) { return x < y }
            if let set = d.allValues, let x = set.firstIndex(of: a.keys[i]), let y = set.firstIndex(of: b.keys[i]) { return x < y }
            if d == .reason, dims.count == 1, a.count != b.count { return a.count > b.count }
            if d == .reason, let x = known.firstIndex(of: a.keys[i]), let y = known.firstIndex(of: b.keys[i]) { return x < y }
            return a.keys[i] < b.keys[i]
        }
        return false
    }
}
