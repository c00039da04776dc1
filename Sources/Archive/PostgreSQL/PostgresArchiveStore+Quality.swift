import Foundation

extension PostgresArchiveStore: QualityStore {
    public func quality(_ query: QualityQuery) throws -> [QualityRow] {
        let (sql, arguments) = QualitySQL.rows(query) { "$\($0)::text" }
        return try read { db in
            try db.execute(sql, arguments).map { row in
                QualityRow(period: try row.required("period"), group: row["grp"] ?? "none", decided: try row.requiredInt("decided"),
                           confirmed: try row.requiredInt("confirmed"), moreUrgent: try row.requiredInt("more_urgent"),
                           lessUrgent: try row.requiredInt("less_urgent"))
            }
        }
    }

    public func qualityIncidents(from: String?, to: String?) throws -> [QualityIncident] {
        let (sql, arguments) = QualitySQL.incidents(from: from, to: to) { "$\($0)::text" }
        return try read { db in
            try db.execute(sql, arguments).map { row in
                QualityIncident(callID: try row.requiredInt64("call_id"), week: try row.required("week"), suggested: try row.required("suggested"),
                                decided: try row.required("decided"), suggestedReason: row["reason"], modelVersion: try row.required("model_version"))
            }
        }
    }
}
