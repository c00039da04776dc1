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
                                   latest_assessment_id, suggested_primary, suggested_disposition)
                VALUES (?, ?, 'audio', '', 1, ?, ?, ?, ?, ?, ?, ?, ?, 'pregnant', '', ?, ?, ?)
                """)
            let insertAssessment = try db.makeStatement(sql: """
                INSERT INTO assessments (id, call_id, created_at, taxonomy_id, taxonomy_version, model_version, primary_reason, disposition, result_json)
                VALUES (?, ?, '', 'bench', '1', 'bench', ?, ?, '{}')
                """)
            let insertReason = try db.makeStatement(sql: "INSERT INTO assessment_reasons (assessment_id, reason_code, rank, score) VALUES (?, ?, ?, 0.5)")
            let insertCurrent = try db.makeStatement(sql: "INSERT INTO current_reasons (call_id, source, reason_code) VALUES (?, 'suggested', ?)")
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            for call in generated {
                let started = call.started.description
                try insertCall.execute(arguments: [call.id, "bench-\(call.id)", call.durationMs, started, String(started.prefix(10)),
                                                   call.started.hour, call.started.isoWeekday, call.started.isoWeek, call.language,
                                                   call.gestationalWeek, call.id, call.reason, call.disposition])
                try insertAssessment.execute(arguments: [call.id, call.id, call.reason, call.disposition])
                try insertReason.execute(arguments: [call.id, call.reason, 0])
                try insertCurrent.execute(arguments: [call.id, call.reason])
                if let second = call.secondReason {
                    try insertReason.execute(arguments: [call.id, second, 1])
                    try insertCurrent.execute(arguments: [call.id, second])
                }
            }
            try Self.appendAudit(context.event(.ingest, detail: "\(calls) synthetic calls (benchmark)"), db: db)
        }
    }
}
