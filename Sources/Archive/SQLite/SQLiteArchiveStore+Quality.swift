import Foundation
import GRDB

extension SQLiteArchiveStore: QualityStore {
    public func quality(_ query: QualityQuery) throws -> [QualityRow] {
        let (sql, arguments) = QualitySQL.rows(query) { _ in "?" }
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                QualityRow(period: row["period"], group: (row["grp"] as String?) ?? "none", decided: row["decided"], confirmed: row["confirmed"],
                           moreUrgent: row["more_urgent"], lessUrgent: row["less_urgent"])
            }
        }
    }

    public func qualityIncidents(from: String?, to: String?) throws -> [QualityIncident] {
        let (sql, arguments) = QualitySQL.incidents(from: from, to: to) { _ in "?" }
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                QualityIncident(callID: row["call_id"], week: row["week"], suggested: row["suggested"], decided: row["decided"],
                                suggestedReason: row["reason"], modelVersion: row["model_version"])
            }
        }
    }
}
