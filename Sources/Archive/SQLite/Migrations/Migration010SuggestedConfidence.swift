import GRDB

/// How sure the assistant was of each suggestion (0…1), kept as a column of the suggestion and of the call (its
/// current one), so that the weekly confidence distribution over a million calls reads one table. Earlier
/// suggestions are filled in from their JSON.
///
/// Shipped: never edit this migration. Change the schema with a new migration file.
enum Migration010SuggestedConfidence {
    static let identifier = "010-suggested-confidence"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE assessments ADD COLUMN confidence REAL;
            ALTER TABLE calls ADD COLUMN suggested_confidence REAL;
            UPDATE assessments SET confidence = CAST(json_extract(result_json, '$.confidence') AS REAL)
                WHERE json_valid(result_json) AND json_type(result_json, '$.confidence') IN ('real', 'integer');
            UPDATE calls SET suggested_confidence = (SELECT a.confidence FROM assessments a WHERE a.id = calls.latest_assessment_id)
                WHERE latest_assessment_id IS NOT NULL;
            -- Covers the confidence per week: the period and the score.
            CREATE INDEX calls_confidence ON calls(started_iso_week, started_date, suggested_confidence) WHERE suggested_confidence IS NOT NULL;
            """)
    }
}
