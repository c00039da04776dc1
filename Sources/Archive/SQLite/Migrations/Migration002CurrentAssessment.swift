import GRDB
import TriageCore

/// Keeps each call's current suggestion and decision on the call itself (primary reason and disposition)
/// and its ISO week, so statistics over a million calls group one indexed table instead of joining the
/// history. The history stays whole in assessments and decisions.
///
/// Shipped: never edit this migration. Change the schema with a new migration file.
enum Migration002CurrentAssessment {
    static let identifier = "002-current-assessment"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE calls ADD COLUMN started_iso_week TEXT;
            ALTER TABLE calls ADD COLUMN latest_assessment_id INTEGER REFERENCES assessments(id);
            ALTER TABLE calls ADD COLUMN suggested_primary TEXT;
            ALTER TABLE calls ADD COLUMN suggested_disposition TEXT;
            ALTER TABLE calls ADD COLUMN latest_decision_id INTEGER REFERENCES decisions(id);
            ALTER TABLE calls ADD COLUMN confirmed_primary TEXT;
            ALTER TABLE calls ADD COLUMN confirmed_disposition TEXT;
            CREATE INDEX calls_suggested ON calls(suggested_primary, suggested_disposition);
            CREATE INDEX calls_confirmed ON calls(confirmed_primary, confirmed_disposition);
            CREATE INDEX decisions_call_time ON decisions(call_id, decided_at);
            -- Foreign keys are checked from the parent's side too: without these, storing an assessment or a
            -- decision would scan every call (and every decision) for rows that refer to it.
            CREATE INDEX calls_latest_assessment ON calls(latest_assessment_id);
            CREATE INDEX calls_latest_decision ON calls(latest_decision_id);
            CREATE INDEX decisions_assessment ON decisions(assessment_id);
            CREATE INDEX annotations_supersedes ON annotations(supersedes_id);
            -- Covering indexes for the statistics: each common grouping is answered from an index alone.
            CREATE INDEX calls_stats_weekday_hour ON calls(started_weekday, started_hour, suggested_disposition, confirmed_disposition);
            CREATE INDEX calls_stats_week ON calls(started_iso_week, suggested_primary, suggested_disposition, confirmed_primary, confirmed_disposition);
            CREATE INDEX calls_stats_date ON calls(started_date, suggested_primary, suggested_disposition, confirmed_primary, confirmed_disposition,
                                                   started_hour, started_weekday, language, caller_type);
            CREATE INDEX calls_stats_gestation ON calls(gestational_week, days_postpartum, suggested_disposition, confirmed_disposition);
            CREATE INDEX calls_stats_disposition ON calls(suggested_disposition, confirmed_disposition);
            CREATE INDEX annotations_code ON annotations(code) WHERE deleted_at IS NULL;

            -- Every reason of each call's current suggestion, decision and labels, in one shape for statistics.
            CREATE TABLE current_reasons (
                call_id     INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
                source      TEXT NOT NULL CHECK (source IN ('suggested', 'confirmed', 'labelled')),
                reason_code TEXT NOT NULL,
                PRIMARY KEY (call_id, source, reason_code)
            ) WITHOUT ROWID;
            CREATE INDEX current_reasons_code ON current_reasons(source, reason_code, call_id);
            """)
        // Fill what earlier versions stored.
        for row in try Row.fetchAll(db, sql: "SELECT id, started_date FROM calls WHERE started_date IS NOT NULL") {
            guard let date: String = row["started_date"], let (day, _) = LocalDateTime.parse(date) else { continue }
            try db.execute(sql: "UPDATE calls SET started_iso_week = ? WHERE id = ?", arguments: [day.isoWeek, row["id"] as Int64])
        }
        try db.execute(sql: """
            UPDATE calls SET latest_assessment_id = (SELECT a.id FROM assessments a WHERE a.call_id = calls.id ORDER BY a.created_at DESC, a.id DESC LIMIT 1);
            UPDATE calls SET suggested_primary = (SELECT primary_reason FROM assessments WHERE id = calls.latest_assessment_id),
                             suggested_disposition = (SELECT disposition FROM assessments WHERE id = calls.latest_assessment_id);
            UPDATE calls SET latest_decision_id = (SELECT d.id FROM decisions d WHERE d.call_id = calls.id ORDER BY d.decided_at DESC, d.id DESC LIMIT 1);
            UPDATE calls SET confirmed_primary = (SELECT primary_reason FROM decisions WHERE id = calls.latest_decision_id),
                             confirmed_disposition = (SELECT disposition FROM decisions WHERE id = calls.latest_decision_id);
            INSERT OR IGNORE INTO current_reasons (call_id, source, reason_code)
                SELECT c.id, 'suggested', r.reason_code FROM calls c JOIN assessment_reasons r ON r.assessment_id = c.latest_assessment_id;
            INSERT OR IGNORE INTO current_reasons (call_id, source, reason_code)
                SELECT c.id, 'confirmed', r.reason_code FROM calls c JOIN decision_reasons r ON r.decision_id = c.latest_decision_id;
            INSERT OR IGNORE INTO current_reasons (call_id, source, reason_code)
                SELECT call_id, 'labelled', code FROM annotations WHERE deleted_at IS NULL;
            """)
    }
}
