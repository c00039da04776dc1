import Foundation
import TriageCore

extension PostgresArchiveStore: DecisionStore {
    public func store(_ decision: DecisionRecord, by context: AuditContext) throws -> Int64 {
        try write { db in
            try Self.requireCall(decision.callID, db: db, address: address)
            let codes = decision.reasons.map(\.rawValue)
            let id = try db.execute("""
                INSERT INTO decisions (call_id, assessment_id, decided_at, decided_by, taxonomy_id, taxonomy_version, primary_reason,
                                       disposition, note, override_reason, override_text)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id
                """, [decision.callID, decision.assessmentID, Timestamps.iso8601(decision.decidedAt), context.actor, decision.taxonomyID,
                      decision.taxonomyVersion, codes.first, decision.disposition.rawValue, decision.note, decision.overrideReason?.rawValue,
                      decision.overrideText]).first?.requiredInt64("id") ?? 0
            for (rank, code) in codes.enumerated() {
                try db.execute("INSERT INTO decision_reasons (decision_id, reason_code, rank) VALUES ($1, $2, $3)", [id, code, rank])
            }
            // With the suggestion this decision was made against (the one it names, else the call's current one), for quality.
            try db.execute("""
                UPDATE calls SET latest_decision_id = $1, confirmed_primary = $2, confirmed_disposition = $3,
                    decided_against_disposition = a.disposition, decided_against_primary = a.primary_reason,
                    decided_against_taxonomy = a.taxonomy_version, decided_against_model = a.model_version, decided_override_reason = $6
                FROM (SELECT 1) one LEFT JOIN assessments a ON a.id = COALESCE($5::bigint, (SELECT latest_assessment_id FROM calls WHERE id = $4))
                WHERE calls.id = $4
                """, [id, codes.first, decision.disposition.rawValue, decision.callID, decision.assessmentID, decision.overrideReason?.rawValue])
            try Self.replaceCurrentReasons(callID: decision.callID, source: .confirmed, with: codes, db: db)
            try Self.appendAudit(context.event(.decide, callID: decision.callID,
                                               detail: DecisionRecord.auditDetail(decision)), db: db)
            try Self.announce(.decision(callID: decision.callID), db: db)
            return id
        }
    }

    public func addOverrideReason(_ reason: OverrideReasonCode, text: String?, toDecision id: Int64, ofCall callID: Int64,
                                  by context: AuditContext) throws {
        try write { db in
            let changed = try db.execute("""
                UPDATE decisions SET override_reason = $1, override_text = $2
                WHERE id = $3 AND call_id = $4 AND decided_by = $5 AND override_reason IS NULL RETURNING id
                """, [reason.rawValue, text, id, callID, context.actor])
            guard changed.count == 1 else {
                throw ArchiveError.notFound("\(address): no decision \(id) of call \(callID) by \(context.actor) without an override reason")
            }
            try db.execute("UPDATE calls SET decided_override_reason = $1 WHERE id = $2 AND latest_decision_id = $3", [reason.rawValue, callID, id])
            try Self.appendAudit(context.event(.overrideReason, callID: callID, detail: "decision \(id): \(reason.rawValue)"), db: db)
            try Self.announce(.decision(callID: callID), db: db)
        }
    }

    public func latestDecision(ofCall callID: Int64) throws -> DecisionRecord? {
        try read { db in
            guard let row = try db.execute("SELECT * FROM decisions WHERE call_id = $1 ORDER BY decided_at DESC, id DESC LIMIT 1",
                                           [callID]).first else { return nil }
            let reasons = try db.execute("SELECT reason_code FROM decision_reasons WHERE decision_id = $1 ORDER BY rank",
                                         [try row.requiredInt64("id")]).map { ReasonCode(rawValue: try $0.required("reason_code")) }
            return DecisionRecord(callID: callID, assessmentID: row.int64("assessment_id"),
                                  decidedAt: row["decided_at"].flatMap(Timestamps.date) ?? Date(timeIntervalSince1970: 0),
                                  decidedBy: try row.required("decided_by"), taxonomyID: try row.required("taxonomy_id"),
                                  taxonomyVersion: try row.required("taxonomy_version"), reasons: reasons,
                                  disposition: try Self.disposition(try row.required("disposition"), address: address), note: row["note"],
                                  overrideReason: row["override_reason"].map(OverrideReasonCode.init(rawValue:)), overrideText: row["override_text"])
        }
    }
}

extension PostgresArchiveStore: NoteStore {
    public func addNote(callID: Int64, text: String, by context: AuditContext) throws -> Int64 {
        try write { db in
            try Self.requireCall(callID, db: db, address: address)
            let seq = (try db.execute("SELECT max(seq) AS s FROM turns WHERE call_id = $1", [callID]).first?.int("s") ?? -1) + 1
            let id = try db.execute("""
                INSERT INTO turns (call_id, seq, speaker, speaker_label, text, source) VALUES ($1, $2, 'notes', $3, $4, 'notes') RETURNING id
                """, [callID, seq, context.actor, text]).first?.requiredInt64("id") ?? 0
            try Self.appendAudit(context.event(.note, callID: callID, detail: "turn \(seq)"), db: db)
            return id
        }
    }
}
