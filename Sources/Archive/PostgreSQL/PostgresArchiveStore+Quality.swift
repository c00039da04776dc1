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
                                decided: try row.required("decided"), suggestedReason: row["reason"], modelVersion: try row.required("model_version"),
                                conclusion: try Self.conclusion(row["conclusion"], address: address))
            }
        }
    }

    public func confidenceDistribution(from: String?, to: String?, includeReplays: Bool) throws -> [ConfidenceCount] {
        let (sql, arguments) = QualitySQL.confidence(from: from, to: to, includeReplays: includeReplays) { "$\($0)::text" }
        return try read { db in
            try db.execute(sql, arguments).map { row in
                ConfidenceCount(week: try row.required("week"), bin: try row.requiredInt("bin"), count: try row.requiredInt("n"))
            }
        }
    }

    public func store(_ review: IncidentReview, by context: AuditContext) throws -> Int64 {
        try write { db in
            try Self.requireCall(review.callID, db: db, address: address)
            let id = try db.execute("""
                INSERT INTO incident_reviews (call_id, reviewed_at, reviewed_by, conclusion, note) VALUES ($1, $2, $3, $4, $5) RETURNING id
                """, [review.callID, Timestamps.iso8601(review.reviewedAt), context.actor, review.conclusion.rawValue, review.note])
                .first?.requiredInt64("id") ?? 0
            try Self.appendAudit(context.event(.reviewIncident, callID: review.callID, detail: review.conclusion.rawValue), db: db)
            return id
        }
    }

    public func incidentReviews(ofCall id: Int64?) throws -> [IncidentReview] {
        try read { db in
            try db.execute(QualitySQL.reviews(callID: id) { "$\($0)" }, id.map { [$0] } ?? []).map { row in
                guard let conclusion = try Self.conclusion(row["conclusion"], address: address) else {
                    throw ArchiveError.failed(path: address, reason: "an incident review without a conclusion")
                }
                return IncidentReview(id: try row.requiredInt64("id"), callID: try row.requiredInt64("call_id"),
                                      reviewedAt: row["reviewed_at"].flatMap(Timestamps.date) ?? Date(timeIntervalSince1970: 0),
                                      reviewedBy: try row.required("reviewed_by"), conclusion: conclusion, note: row["note"])
            }
        }
    }

    /// A stored conclusion (nil when none), or a clear error naming the archive when the text is not one.
    static func conclusion(_ text: String?, address: String) throws -> IncidentConclusion? {
        guard let text else { return nil }
        guard let conclusion = IncidentConclusion(rawValue: text) else {
            throw ArchiveError.failed(path: address, reason: "unknown incident conclusion \"\(text)\" in the archive")
        }
        return conclusion
    }
}
