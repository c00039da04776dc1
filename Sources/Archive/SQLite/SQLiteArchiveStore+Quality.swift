import Foundation
import GRDB

extension SQLiteArchiveStore: QualityStore {
    public func quality(_ query: QualityQuery) throws -> [QualityRow] {
        let (sql, arguments) = QualitySQL.pairs(query) { _ in "?" }
        return QualitySQL.tally(try read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                (period: row["period"] as String, group: (row["grp"] as String?) ?? "none", suggested: row["suggested"] as String,
                 decided: row["decided"] as String, count: row["n"] as Int)
            }
        })
    }

    public func qualityIncidents(from: String?, to: String?, includeReplays: Bool) throws -> [QualityIncident] {
        let (sql, arguments) = QualitySQL.incidents(from: from, to: to, includeReplays: includeReplays) { _ in "?" }
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                QualityIncident(callID: row["call_id"], week: row["week"], suggested: row["suggested"], decided: row["decided"],
                                suggestedReason: row["reason"], modelVersion: row["model_version"])
            }
        }
    }
}
