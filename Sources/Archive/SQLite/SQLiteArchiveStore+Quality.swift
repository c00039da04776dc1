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
                                suggestedReason: row["reason"], modelVersion: row["model_version"],
                                conclusion: try Self.conclusion(row["conclusion"], path: self.path))
            }
        }
    }

    public func confidenceDistribution(from: String?, to: String?, includeReplays: Bool) throws -> [ConfidenceCount] {
        let (sql, arguments) = QualitySQL.confidence(from: from, to: to, includeReplays: includeReplays) { _ in "?" }
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                ConfidenceCount(week: row["week"], bin: row["bin"], count: row["n"])
            }
        }
    }

    public func store(_ review: IncidentReview, by context: AuditContext) throws -> Int64 {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM calls WHERE id = ?", arguments: [review.callID]) == true else {
                throw ArchiveError.notFound("\(self.path): no call with id \(review.callID)")
            }
            try db.execute(sql: """
                INSERT INTO incident_reviews (call_id, reviewed_at, reviewed_by, conclusion, note) VALUES (?, ?, ?, ?, ?)
                """, arguments: [review.callID, Timestamps.iso8601(review.reviewedAt), context.actor, review.conclusion.rawValue, review.note])
            let id = db.lastInsertedRowID
            try Self.appendAudit(context.event(.reviewIncident, callID: review.callID, detail: review.conclusion.rawValue), db: db)
            return id
        }
    }

    public func incidentReviews(ofCall id: Int64?) throws -> [IncidentReview] {
        try read { db in
            try Row.fetchAll(db, sql: QualitySQL.reviews(callID: id) { _ in "?" }, arguments: StatementArguments(id.map { [$0] } ?? [])).map { row in
                guard let conclusion = try Self.conclusion(row["conclusion"], path: self.path) else {
                    throw ArchiveError.failed(path: self.path, reason: "an incident review without a conclusion")
                }
                return IncidentReview(id: row["id"], callID: row["call_id"], reviewedAt: Timestamps.date(row["reviewed_at"]) ?? Date(timeIntervalSince1970: 0),
                                      reviewedBy: row["reviewed_by"], conclusion: conclusion, note: row["note"])
            }
        }
    }

    /// A stored conclusion (nil when none), or a clear error naming the archive when the text is not one.
    static func conclusion(_ text: String?, path: String) throws -> IncidentConclusion? {
        guard let text else { return nil }
        guard let conclusion = IncidentConclusion(rawValue: text) else {
            throw ArchiveError.failed(path: path, reason: "unknown incident conclusion \"\(text)\" in the archive")
        }
        return conclusion
    }
}
