import Foundation
import GRDB
import TriageCore

extension SQLiteArchiveStore: AssessmentStore {
    public func store(_ assessment: AssessmentRecord, by context: AuditContext) throws -> Int64 {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM calls WHERE id = ?", arguments: [assessment.callID]) == true else {
                throw ArchiveError.notFound("\(self.path): no call with id \(assessment.callID)")
            }
            try db.execute(sql: """
                INSERT INTO assessments (call_id, created_at, taxonomy_id, taxonomy_version, model_version, primary_reason,
                                         disposition, result_json, confidence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [assessment.callID, Timestamps.iso8601(context.at), assessment.taxonomyID, assessment.taxonomyVersion,
                                 assessment.modelVersion, assessment.primaryReason?.rawValue, assessment.disposition.rawValue,
                                 assessment.resultJSON, assessment.confidence])
            let id = db.lastInsertedRowID
            for (rank, reason) in assessment.reasons.enumerated() {
                try db.execute(sql: "INSERT INTO assessment_reasons (assessment_id, reason_code, rank, score) VALUES (?, ?, ?, ?)",
                               arguments: [id, reason.code.rawValue, rank, reason.score])
            }
            for flag in assessment.redFlags {
                try db.execute(sql: "INSERT INTO assessment_red_flags (assessment_id, flag_code) VALUES (?, ?)", arguments: [id, flag.rawValue])
            }
            try db.execute(sql: """
                UPDATE calls SET latest_assessment_id = ?, suggested_primary = ?, suggested_disposition = ?, suggested_confidence = ? WHERE id = ?
                """, arguments: [id, assessment.primaryReason?.rawValue, assessment.disposition.rawValue, assessment.confidence, assessment.callID])
            try CurrentReasons.replace(db, callID: assessment.callID, source: .suggested, with: assessment.reasons.map(\.code.rawValue))
            try Self.appendAudit(context.event(.suggest, callID: assessment.callID, detail: "\(assessment.disposition.rawValue) "
                + "(\(assessment.taxonomyID)@\(assessment.taxonomyVersion), \(assessment.modelVersion))"), db: db)
            return id
        }
    }

    public func latestAssessment(ofCall callID: Int64) throws -> StoredAssessment? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT * FROM assessments WHERE call_id = ? ORDER BY created_at DESC, id DESC LIMIT 1
                """, arguments: [callID]) else { return nil }
            let id: Int64 = row["id"]
            let reasons = try Row.fetchAll(db, sql: "SELECT reason_code, score FROM assessment_reasons WHERE assessment_id = ? ORDER BY rank",
                                           arguments: [id]).map {
                AssessmentRecord.RankedReason(code: ReasonCode(rawValue: $0["reason_code"]), score: $0["score"])
            }
            let flags = try String.fetchAll(db, sql: "SELECT flag_code FROM assessment_red_flags WHERE assessment_id = ? ORDER BY flag_code",
                                            arguments: [id])
            let disposition = try Self.disposition(row["disposition"], path: self.path)
            return StoredAssessment(id: id, record: AssessmentRecord(
                callID: callID, taxonomyID: row["taxonomy_id"], taxonomyVersion: row["taxonomy_version"], modelVersion: row["model_version"],
                primaryReason: (row["primary_reason"] as String?).map(ReasonCode.init(rawValue:)), disposition: disposition,
                reasons: reasons, redFlags: flags.map(RedFlagCode.init(rawValue:)), resultJSON: row["result_json"], confidence: row["confidence"]))
        }
    }

    /// A stored disposition, or a clear error naming the archive when the text is not one.
    static func disposition(_ text: String, path: String) throws -> Disposition {
        guard let disposition = Disposition(rawValue: text) else {
            throw ArchiveError.failed(path: path, reason: "unknown disposition \"\(text)\" in the archive")
        }
        return disposition
    }
}
