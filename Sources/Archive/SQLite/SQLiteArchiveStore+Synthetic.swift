import Foundation
import GRDB
import TriageCore

extension SQLiteArchiveStore {
    /// Fills the archive with many synthetic calls and suggestions for benchmarks (`SyntheticCall`), written in one
    /// transaction with prepared statements.
    public func fillSynthetic(calls: Int, seed: UInt64, by context: AuditContext) throws {
        let generated = SyntheticCall.generate(count: calls, seed: seed)
        try write { db in
            let insertCall = try db.makeStatement(sql: """
                INSERT INTO calls (id, content_sha256, content_kind, source_path, channels, duration_ms, started_at, started_date, started_hour,
                                   started_weekday, started_iso_week, language, gestational_week, caller_type, ingested_at,
                                   latest_assessment_id, suggested_primary, suggested_disposition, latest_decision_id, confirmed_primary,
                                   confirmed_disposition, decided_against_disposition, decided_against_primary, decided_against_taxonomy,
                                   decided_against_model, suggested_confidence)
                VALUES (?, ?, 'audio', '', 1, ?, ?, ?, ?, ?, ?, ?, ?, 'pregnant', '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let insertAssessment = try db.makeStatement(sql: """
                INSERT INTO assessments (id, call_id, created_at, taxonomy_id, taxonomy_version, model_version, primary_reason, disposition, result_json,
                                         confidence)
                VALUES (?, ?, '', 'bench', '1', 'bench', ?, ?, '{}', ?)
                """)
            let insertReason = try db.makeStatement(sql: "INSERT INTO assessment_reasons (assessment_id, reason_code, rank, score) VALUES (?, ?, ?, 0.5)")
            let insertCurrent = try db.makeStatement(sql: "INSERT INTO current_reasons (call_id, source, reason_code) VALUES (?, ?, ?)")
            let insertDecision = try db.makeStatement(sql: """
                INSERT INTO decisions (id, call_id, assessment_id, decided_at, decided_by, taxonomy_id, taxonomy_version, primary_reason, disposition)
                VALUES (?, ?, ?, '', 'bench', 'bench', '1', ?, ?)
                """)
            let insertDecisionReason = try db.makeStatement(sql: "INSERT INTO decision_reasons (decision_id, reason_code, rank) VALUES (?, ?, 0)")
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            for call in generated {
                let started = call.started.description
                try insertCall.execute(arguments: [call.id, "bench-\(call.id)", call.durationMs, started, String(started.prefix(10)),
                                                   call.started.hour, call.started.isoWeekday, call.started.isoWeek, call.language,
                                                   call.gestationalWeek, call.id, call.reason, call.disposition]
                                       + (call.decided == nil ? [nil, nil, nil, nil, nil, nil, nil]
                                          : [call.id, call.reason, call.decided, call.disposition, call.reason, "1", "bench"]) + [call.confidence])
                try insertAssessment.execute(arguments: [call.id, call.id, call.reason, call.disposition, call.confidence])
                try insertReason.execute(arguments: [call.id, call.reason, 0])
                try insertCurrent.execute(arguments: [call.id, "suggested", call.reason])
                if let second = call.secondReason {
                    try insertReason.execute(arguments: [call.id, second, 1])
                    try insertCurrent.execute(arguments: [call.id, "suggested", second])
                }
                if let decided = call.decided {
                    try insertDecision.execute(arguments: [call.id, call.id, call.id, call.reason, decided])
                    try insertDecisionReason.execute(arguments: [call.id, call.reason])
                    try insertCurrent.execute(arguments: [call.id, "confirmed", call.reason])
                }
            }
            try Self.appendAudit(context.event(.ingest, detail: "\(calls) synthetic calls (benchmark)"), db: db)
        }
    }
}
