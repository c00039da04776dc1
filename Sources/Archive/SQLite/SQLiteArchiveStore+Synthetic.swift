import Foundation
import GRDB
import TriageCore

extension SQLiteArchiveStore {
    /// Fills the archive with many synthetic calls and suggestions for benchmarks: realistic mixes of reasons,
    /// dispositions, hours and weekdays over a year, written in one transaction with prepared statements.
    public func fillSynthetic(calls: Int, seed: UInt64, by context: AuditContext) throws {
        let reasons: [(String, Double)] = [("labour_contractions", 0.45), ("rupture_of_membranes", 0.15), ("reduced_fetal_movements", 0.08),
                                           ("vaginal_bleeding", 0.07), ("abdominal_pain", 0.06), ("practical_question", 0.05),
                                           ("anxiety_reassurance", 0.04), ("postnatal_concern", 0.04), ("preeclampsia_symptoms", 0.02),
                                           ("fever_infection", 0.02), ("other", 0.02)]
        let dispositions = ["emergency_112", "attend_now", "attend_soon", "self_care", "refer", "info_only"]
        try write { db in
            var state = seed | 1
            func next() -> UInt64 { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state }
            func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
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
            let firstDay = LocalDateTime(daysSince1970: 0).daysSince1970 + 20454 // 2026-01-01
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            for id in 1...max(1, calls) {
                var pick = uniform(), reason = reasons[0].0
                for (code, share) in reasons { if pick < share { reason = code; break }; pick -= share }
                // Busier by day than by night, as the phones are.
                let hourPick = uniform() < 0.7 ? 7 + Int(uniform() * 15) : Int(uniform() * 24)
                let time = LocalDateTime(daysSince1970: firstDay + Int(uniform() * 365), minuteOfDay: hourPick * 60 + Int(uniform() * 60))
                let started = time.description
                let disposition = dispositions[Int(uniform() * uniform() * 6)]
                try insertCall.execute(arguments: [id, "bench-\(id)", 30_000 + Int(uniform() * 300_000), started, String(started.prefix(10)),
                                                   time.hour, time.isoWeekday, time.isoWeek, uniform() < 0.8 ? "da" : "en", 20 + Int(uniform() * 22),
                                                   id, reason, disposition])
                try insertAssessment.execute(arguments: [id, id, reason, disposition])
                try insertReason.execute(arguments: [id, reason, 0])
                try insertCurrent.execute(arguments: [id, reason])
                if uniform() < 0.3 {
                    let second = reason == "anxiety_reassurance" ? "other" : "anxiety_reassurance"
                    try insertReason.execute(arguments: [id, second, 1])
                    try insertCurrent.execute(arguments: [id, second])
                }
            }
            try Self.appendAudit(context.event(.ingest, detail: "\(calls) synthetic calls (benchmark)"), db: db)
        }
    }
}
