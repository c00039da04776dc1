import Foundation

extension PostgresArchiveStore: QualityStore {
    public func quality(_ query: QualityQuery) throws -> [QualityRow] {
        let (sql, arguments) = QualitySQL.pairs(query) { "$\($0)::text" }
        return QualitySQL.tally(try read { db in
            try db.execute(sql, arguments).map { row in
                (period: try row.required("period"), group: row["grp"] ?? "none", suggested: try row.required("suggested"),
                 decided: try row.required("decided"), count: try row.requiredInt("n"))
            }
        })
    }

    public func qualityIncidents(from: String?, to: String?, includeReplays: Bool) throws -> [QualityIncident] {
        let (sql, arguments) = QualitySQL.incidents(from: from, to: to, includeReplays: includeReplays) { "$\($0)::text" }
        return try read { db in
            try db.execute(sql, arguments).map { row in
                QualityIncident(callID: try row.requiredInt64("call_id"), week: try row.required("week"), suggested: try row.required("suggested"),
                                decided: try row.required("decided"), suggestedReason: row["reason"], modelVersion: try row.required("model_version"))
            }
        }
    }
}
