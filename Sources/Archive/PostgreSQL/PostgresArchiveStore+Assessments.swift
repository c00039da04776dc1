import Foundation
import TriageCore

extension PostgresArchiveStore: AssessmentStore {
    public func store(_ assessment: AssessmentRecord, by context: AuditContext) throws -> Int64 {
        try write { db in
            try Self.requireCall(assessment.callID, db: db, address: address)
            let id = try db.execute("""
                INSERT INTO assessments (call_id, created_at, taxonomy_id, taxonomy_version, model_version, primary_reason,
                                         disposition, result_json, confidence)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id
                """, [assessment.callID, Timestamps.iso8601(context.at), assessment.taxonomyID, assessment.taxonomyVersion,
                      assessment.modelVersion, assessment.primaryReason?.rawValue, assessment.disposition.rawValue,
                      assessment.resultJSON, assessment.confidence]).first?.requiredInt64("id") ?? 0
            for (rank, reason) in assessment.reasons.enumerated() {
                try db.execute("INSERT INTO assessment_reasons (assessment_id, reason_code, rank, score) VALUES ($1, $2, $3, $4)",
                               [id, reason.code.rawValue, rank, reason.score])
            }
            for flag in Set(assessment.redFlags.map(\.rawValue)).sorted() {
                try db.execute("INSERT INTO assessment_red_flags (assessment_id, flag_code) VALUES ($1, $2)", [id, flag])
            }
            try db.execute("""
                UPDATE calls SET latest_assessment_id = $1, suggested_primary = $2, suggested_disposition = $3, suggested_confidence = $5 WHERE id = $4
                """, [id, assessment.primaryReason?.rawValue, assessment.disposition.rawValue, assessment.callID, assessment.confidence])
            try Self.replaceCurrentReasons(callID: assessment.callID, source: .suggested, with: assessment.reasons.map(\.code.rawValue), db: db)
            try Self.appendAudit(context.event(.suggest, callID: assessment.callID, detail: "\(assessment.disposition.rawValue) "
                + "(\(assessment.taxonomyID)@\(assessment.taxonomyVersion), \(assessment.modelVersion))"), db: db)
            try Self.announce(.assessment(callID: assessment.callID), db: db)
            return id
        }
    }

    public func latestAssessment(ofCall callID: Int64) throws -> StoredAssessment? {
        try read { db in
            guard let row = try db.execute("SELECT * FROM assessments WHERE call_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1",
                                           [callID]).first else { return nil }
            let id = try row.requiredInt64("id")
            let reasons = try db.execute("SELECT reason_code, score FROM assessment_reasons WHERE assessment_id = $1 ORDER BY rank", [id]).map {
                AssessmentRecord.RankedReason(code: ReasonCode(rawValue: try $0.required("reason_code")), score: $0.double("score") ?? 0)
            }
            let flags = try db.execute("SELECT flag_code FROM assessment_red_flags WHERE assessment_id = $1 ORDER BY flag_code", [id])
                .map { RedFlagCode(rawValue: try $0.required("flag_code")) }
            return StoredAssessment(id: id, record: AssessmentRecord(
                callID: callID, taxonomyID: try row.required("taxonomy_id"), taxonomyVersion: try row.required("taxonomy_version"),
                modelVersion: try row.required("model_version"), primaryReason: row["primary_reason"].map(ReasonCode.init(rawValue:)),
                disposition: try Self.disposition(try row.required("disposition"), address: address),
                reasons: reasons, redFlags: flags, resultJSON: try row.required("result_json"), confidence: row.double("confidence")))
        }
    }

    /// A stored disposition, or a clear error naming the archive when the text is not one.
    static func disposition(_ text: String, address: String) throws -> Disposition {
        guard let disposition = Disposition(rawValue: text) else {
            throw ArchiveError.failed(path: address, reason: "unknown disposition \"\(text)\" in the archive")
        }
        return disposition
    }

    /// Throws `notFound` when there is no call with `id`.
    static func requireCall(_ id: Int64, db: PostgresConnection, address: String) throws {
        guard try db.execute("SELECT 1 FROM calls WHERE id = $1", [id]).count > 0 else {
            throw ArchiveError.notFound("\(address): no call with id \(id)")
        }
    }

    /// The call's reasons from `source`'s newest suggestion or decision.
    static func replaceCurrentReasons(callID: Int64, source: StatsSource, with codes: [String], db: PostgresConnection) throws {
        try db.execute("DELETE FROM current_reasons WHERE call_id = $1 AND source = $2", [callID, source.rawValue])
        for code in Set(codes).sorted() {
            try db.execute("INSERT INTO current_reasons (call_id, source, reason_code) VALUES ($1, $2, $3)", [callID, source.rawValue, code])
        }
    }
}
