import Foundation
import GRDB

extension CallArchive {
    /// Stores a suggestion beside the call (never replacing an earlier one) in one transaction; returns its id.
    @discardableResult
    public func store(_ assessment: AssessmentRecord, now: Date = Date()) throws -> Int64 {
        try write { db in
            try db.execute(sql: """
                INSERT INTO assessments (call_id, created_at, taxonomy_id, taxonomy_version, model_version, primary_reason,
                                         disposition, result_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [assessment.callID, Timestamps.iso8601(now), assessment.taxonomyID, assessment.taxonomyVersion,
                                 assessment.modelVersion, assessment.primaryReason, assessment.disposition, assessment.resultJSON])
            let id = db.lastInsertedRowID
            for (rank, reason) in assessment.reasons.enumerated() {
                try db.execute(sql: "INSERT INTO assessment_reasons (assessment_id, reason_code, rank, score) VALUES (?, ?, ?, ?)",
                               arguments: [id, reason.code, rank, reason.score])
            }
            for flag in assessment.redFlags {
                try db.execute(sql: "INSERT INTO assessment_red_flags (assessment_id, flag_code) VALUES (?, ?)", arguments: [id, flag])
            }
            try db.execute(sql: """
                UPDATE calls SET latest_assessment_id = ?, suggested_primary = ?, suggested_disposition = ? WHERE id = ?
                """, arguments: [id, assessment.primaryReason, assessment.disposition, assessment.callID])
            try CurrentReasons.replace(db, callID: assessment.callID, source: "suggested", with: assessment.reasons.map(\.code))
            return id
        }
    }

    /// The id of the newest suggestion for a call.
    public func latestAssessmentID(ofCall callID: Int64) throws -> Int64? {
        try read { try Int64.fetchOne($0, sql: "SELECT latest_assessment_id FROM calls WHERE id = ?", arguments: [callID]) }
    }

    /// The newest suggestion for a call, or `nil` when it was never classified.
    public func latestAssessment(ofCall callID: Int64) throws -> AssessmentRecord? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT * FROM assessments WHERE call_id = ? ORDER BY created_at DESC, id DESC LIMIT 1
                """, arguments: [callID]) else { return nil }
            let id: Int64 = row["id"]
            let reasons = try Row.fetchAll(db, sql: "SELECT reason_code, score FROM assessment_reasons WHERE assessment_id = ? ORDER BY rank",
                                           arguments: [id]).map { (code: $0["reason_code"] as String, score: $0["score"] as Double) }
            let flags = try String.fetchAll(db, sql: "SELECT flag_code FROM assessment_red_flags WHERE assessment_id = ? ORDER BY flag_code",
                                            arguments: [id])
            return AssessmentRecord(callID: callID, taxonomyID: row["taxonomy_id"], taxonomyVersion: row["taxonomy_version"],
                                    modelVersion: row["model_version"], primaryReason: row["primary_reason"], disposition: row["disposition"],
                                    reasons: reasons, redFlags: flags, resultJSON: row["result_json"])
        }
    }
}
