import Foundation
import TriageCore

extension PostgresArchiveStore {
    /// Fills the archive with many synthetic calls and suggestions for benchmarks (`SyntheticCall`), sent with COPY in
    /// one transaction. Ids continue after the archive's highest.
    public func fillSynthetic(calls: Int, seed: UInt64, by context: AuditContext) throws {
        let generated = SyntheticCall.generate(count: calls, seed: seed)
        try write(serialized: true) { db in
            let base = try db.execute("""
                SELECT greatest((SELECT max(id) FROM calls), (SELECT max(id) FROM assessments), (SELECT max(id) FROM decisions), 0) AS m
                """).first?.int("m") ?? 0
            try db.execute("SET CONSTRAINTS ALL DEFERRED")
            try db.copy("""
                COPY calls (id, content_sha256, content_kind, source_path, channels, duration_ms, started_at, started_date, started_hour,
                            started_weekday, started_iso_week, language, gestational_week, caller_type, ingested_at,
                            latest_assessment_id, suggested_primary, suggested_disposition, latest_decision_id, confirmed_primary,
                            confirmed_disposition, decided_against_disposition, decided_against_primary, decided_against_taxonomy,
                            decided_against_model, suggested_confidence) FROM STDIN
                """, lines: generated.lazy.map { c in
                let started = c.started.description, id = base + c.id
                let decision = c.decided.map { "\(id)\t\(c.reason)\t\($0)\t\(c.disposition)\t\(c.reason)\t1\tbench" }
                    ?? Array(repeating: "\\N", count: 7).joined(separator: "\t")
                return "\(id)\tbench-\(seed)-\(id)\taudio\t\t1\t\(c.durationMs)\t\(started)\t\(started.prefix(10))\t\(c.started.hour)\t"
                    + "\(c.started.isoWeekday)\t\(c.started.isoWeek)\t\(c.language)\t\(c.gestationalWeek)\tpregnant\t\t\(id)\t\(c.reason)\t\(c.disposition)\t"
                    + decision + "\t\(c.confidence)"
            })
            try db.copy("""
                COPY assessments (id, call_id, created_at, taxonomy_id, taxonomy_version, model_version, primary_reason, disposition, result_json,
                                  confidence) FROM STDIN
                """, lines: generated.lazy.map { c in "\(base + c.id)\t\(base + c.id)\t\tbench\t1\tbench\t\(c.reason)\t\(c.disposition)\t{}\t\(c.confidence)" })
            try db.copy("COPY assessment_reasons (assessment_id, reason_code, rank, score) FROM STDIN", lines: generated.lazy.flatMap { c in
                ["\(base + c.id)\t\(c.reason)\t0\t0.5"] + (c.secondReason.map { ["\(base + c.id)\t\($0)\t1\t0.5"] } ?? [])
            })
            let decided = generated.filter { $0.decided != nil }
            try db.copy("""
                COPY decisions (id, call_id, assessment_id, decided_at, decided_by, taxonomy_id, taxonomy_version, primary_reason, disposition) FROM STDIN
                """, lines: decided.lazy.map { c in "\(base + c.id)\t\(base + c.id)\t\(base + c.id)\t\tbench\tbench\t1\t\(c.reason)\t\(c.decided ?? "")" })
            try db.copy("COPY decision_reasons (decision_id, reason_code, rank) FROM STDIN",
                        lines: decided.lazy.map { c in "\(base + c.id)\t\(c.reason)\t0" })
            try db.copy("COPY current_reasons (call_id, source, reason_code) FROM STDIN", lines: generated.lazy.flatMap { c in
                ["\(base + c.id)\tsuggested\t\(c.reason)"] + (c.secondReason.map { ["\(base + c.id)\tsuggested\t\($0)"] } ?? [])
                    + (c.decided == nil ? [] : ["\(base + c.id)\tconfirmed\t\(c.reason)"])
            })
            // Identity columns go on after the ids given here.
            for table in ["calls", "assessments", "decisions"] {
                try db.execute("SELECT setval(pg_get_serial_sequence('\(table)', 'id'), (SELECT max(id) FROM \(table)))")
            }
            try Self.appendAudit(context.event(.ingest, detail: "\(calls) synthetic calls (benchmark)"), db: db)
        }
        // The planner's statistics follow a bulk load only after ANALYZE.
        try outsideTransaction("ANALYZE calls, assessments, assessment_reasons, decisions, current_reasons")
    }
}
