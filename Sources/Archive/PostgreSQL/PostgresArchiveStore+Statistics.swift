import Foundation

extension PostgresArchiveStore: StatisticsStore {
    /// Runs the query on one snapshot: the same SQL as the SQLite store's, so the two answer alike.
    public func statistics(_ query: StatsQuery) throws -> StatsTable {
        try query.validate()
        let sql = StatsSQL(query) { "$\($0)::text" }
        let width = query.dimensions.count
        let (counts, total) = try read { db -> ([[String]: Int], Int) in
            var counts: [[String]: Int] = [:]
            for row in try db.execute(sql.grouped, sql.arguments) {
                let key = (0..<width).map { row["k\($0)"] ?? "unknown" }
                counts[key, default: 0] += row.int("n") ?? 0
            }
            let total = try sql.total.map { try db.execute($0, sql.arguments).first?.int("n") ?? 0 } ?? counts.values.reduce(0, +)
            return (counts, total)
        }
        return query.table(counts: counts, total: total)
    }
}
