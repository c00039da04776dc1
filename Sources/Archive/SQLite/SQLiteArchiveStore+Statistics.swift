import Foundation
import GRDB

extension SQLiteArchiveStore: StatisticsStore {
    /// Runs the query on one read snapshot: each common grouping is answered from a covering index.
    public func statistics(_ query: StatsQuery) throws -> StatsTable {
        try query.validate()
        let sql = StatsSQL(query) { _ in "?" }
        let arguments = StatementArguments(sql.arguments)
        let width = query.dimensions.count
        let (counts, total) = try read { db -> ([[String]: Int], Int) in
            var counts: [[String]: Int] = [:]
            for row in try Row.fetchAll(db, sql: sql.grouped, arguments: arguments) {
                let key = (0..<width).map { i -> String in
                    let value: DatabaseValue = row["k\(i)"]
                    return value.isNull ? "unknown" : (String.fromDatabaseValue(value) ?? Int.fromDatabaseValue(value).map(String.init) ?? "\(value)")
                }
                counts[key, default: 0] += row["n"] as Int
            }
            let total = try sql.total.map { try Int.fetchOne(db, sql: $0, arguments: arguments) ?? 0 } ?? counts.values.reduce(0, +)
            return (counts, total)
        }
        return query.table(counts: counts, total: total)
    }
}
