import Foundation
import GRDB
import TriageCore

extension SQLiteArchiveStore: DecisionStore {
    public func store(_ decision: DecisionRecord, by context: AuditContext) throws -> Int64 {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM calls WHERE id = ?", arguments: [decision.callID]) == true else {
                throw ArchiveError.notFound("\(self.path): no call with id \(decision.callID)")
            }
            let at = Timestamps.iso8601(decision.decidedAt)
            let codes = decision.reasons.map(\.rawValue)
            try db.execute(sql: """
                INSERT INTO decisions (call_id, assessment_id, decided_at, decided_by, taxonomy_id, taxonomy_version, primary_reason,
                                       disposition, note, override_reason, override_text)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [decision.callID, decision.assessmentID, at, context.actor, decision.taxonomyID,
                                 decision.taxonomyVersion, codes.first, decision.disposition.rawValue, decision.note,
                                 decision.overrideReason?.rawValue, decision.overrideText])
            let id = db.lastInsertedRowID
            for (rank, code) in codes.enumerated() {
                try db.execute(sql: "INSERT INTO decision_reasons (decision_id, reason_code, rank) VALUES (?, ?, ?)", arguments: [id, code, rank])
            }
            try db.execute(sql: """
                UPDATE calls SET latest_decision_id = ?, confirmed_primary = ?, confirmed_disposition = ?, decided_against_disposition = NULL,
                    decided_against_primary = NULL, decided_against_taxonomy = NULL, decided_against_model = NULL, decided_override_reason = ?
                WHERE id = ?
                """, arguments: [id, codes.first, decision.disposition.rawValue, decision.overrideReason?.rawValue, decision.callID])
            // The suggestion this decision was made against (the one it names, else the call's current one), for quality.
            if let against = try Row.fetchOne(db, sql: """
                SELECT a.disposition, a.primary_reason, a.taxonomy_version, a.model_version FROM assessments a
                WHERE a.id = COALESCE(?, (SELECT latest_assessment_id FROM calls WHERE id = ?))
                """, arguments: [decision.assessmentID, decision.callID]) {
                try db.execute(sql: """
                    UPDATE calls SET decided_against_disposition = ?, decided_against_primary = ?, decided_against_taxonomy = ?,
                        decided_against_model = ? WHERE id = ?
                    """, arguments: [against["disposition"] as String?, against["primary_reason"] as String?, against["taxonomy_version"] as String?,
                                     against["model_version"] as String?, decision.callID])
            }
            try CurrentReasons.replace(db, callID: decision.callID, source: .confirmed, with: codes)
            try Self.appendAudit(context.event(.decide, callID: decision.callID,
                                               detail: DecisionRecord.auditDetail(decision)), db: db)
            return id
        }
    }

    public func addOverrideReason(_ reason: OverrideReasonCode, text: String?, toDecision id: Int64, ofCall callID: Int64,
                                  by context: AuditContext) throws {
        try write { db in
            try db.execute(sql: """
                UPDATE decisions SET override_reason = ?, override_text = ? WHERE id = ? AND call_id = ? AND decided_by = ? AND override_reason IS NULL
                """, arguments: [reason.rawValue, text, id, callID, context.actor])
            guard db.changesCount == 1 else {
                throw ArchiveError.notFound("\(self.path): no decision \(id) of call \(callID) by \(context.actor) without an override reason")
            }
            try db.execute(sql: "UPDATE calls SET decided_override_reason = ? WHERE id = ? AND latest_decision_id = ?", arguments: [reason.rawValue, callID, id])
            try Self.appendAudit(context.event(.overrideReason, callID: callID, detail: "decision \(id): \(reason.rawValue)"), db: db)
        }
    }

    public func latestDecision(ofCall callID: Int64) throws -> DecisionRecord? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM decisions WHERE call_id = ? ORDER BY decided_at DESC, id DESC LIMIT 1",
                                             arguments: [callID]) else { return nil }
            let reasons = try String.fetchAll(db, sql: "SELECT reason_code FROM decision_reasons WHERE decision_id = ? ORDER BY rank",
                                              arguments: [row["id"] as Int64])
            let at = Timestamps.date(row["decided_at"])
            return DecisionRecord(callID: callID, assessmentID: row["assessment_id"], decidedAt: at ?? Date(timeIntervalSince1970: 0),
                                  decidedBy: row["decided_by"], taxonomyID: row["taxonomy_id"], taxonomyVersion: row["taxonomy_version"],
                                  reasons: reasons.map(ReasonCode.init(rawValue:)),
                                  disposition: try Self.disposition(row["disposition"], path: self.path), note: row["note"],
                                  overrideReason: (row["override_reason"] as String?).map(OverrideReasonCode.init(rawValue:)),
                                  overrideText: row["override_text"])
        }
    }
}
