import Foundation
import GRDB

extension SQLiteArchiveStore: TransferStore {
    func transferRows(_ table: ArchiveTable, after: [TransferValue]?, limit: Int) throws -> [[TransferValue]] {
        let keys = table.key.joined(separator: ", ")
        let condition = after == nil ? "" : "WHERE (\(keys)) > (\(table.key.map { _ in "?" }.joined(separator: ", ")))"
        let sql = "SELECT \(table.columnNames.joined(separator: ", ")) FROM \(table.name) \(condition) ORDER BY \(keys) LIMIT ?"
        let arguments = StatementArguments((after ?? []).map(\.databaseValue) + [limit.databaseValue])
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                (0..<table.columns.count).map { i in
                    switch (row[i] as DatabaseValue).storage {
                    case .null: return .null
                    case .int64(let v): return .integer(v)
                    case .double(let v): return .real(v)
                    case .string(let v): return .text(v)
                    case .blob(let v): return .blob([UInt8](v))
                    }
                }
            }
        }
    }

    func transferInsert(_ rows: [[TransferValue]], into table: ArchiveTable) throws -> Int {
        guard !rows.isEmpty else { return 0 }
        let columns = table.columnNames
        let sql: String
        let values = "VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
        let others = columns.filter { !table.key.contains($0) }
        if table == ArchiveTable.callPointers {
            sql = "UPDATE calls SET latest_assessment_id = ?2, latest_decision_id = ?3 WHERE id = ?1 "
                + "AND (latest_assessment_id IS NOT ?2 OR latest_decision_id IS NOT ?3)"
        } else if table.replaces {
            // Written only where it differs, so that a copy run again writes nothing.
            sql = "INSERT INTO \(table.name) (\(columns.joined(separator: ", "))) \(values) ON CONFLICT (\(table.key.joined(separator: ", "))) "
                + "DO UPDATE SET \(others.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")) "
                + "WHERE \(others.map { "\($0) IS NOT excluded.\($0)" }.joined(separator: " OR "))"
        } else {
            sql = "INSERT OR IGNORE INTO \(table.name) (\(columns.joined(separator: ", "))) \(values)"
        }
        return try write { db in
            let statement = try db.cachedStatement(sql: sql)
            var written = 0
            for row in rows {
                try statement.execute(arguments: StatementArguments(row.map(\.databaseValue)))
                written += db.changesCount
            }
            return written
        }
    }

    func transferFinish() throws {}

    func transferCount(_ table: ArchiveTable) throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.name)") ?? 0 }
    }

    func transferLastID(_ table: ArchiveTable) throws -> Int64? {
        guard table.key == ["id"], table.columns.first?.kind == .integer else { return nil }
        return try read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM \(table.name)") }
    }
}

extension TransferValue {
    var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case .integer(let v): return v.databaseValue
        case .real(let v): return v.databaseValue
        case .text(let v): return v.databaseValue
        case .blob(let v): return Data(v).databaseValue
        }
    }
}
