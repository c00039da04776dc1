/// How sure the assistant was of each suggestion (0…1), on the suggestion and on the call (its current one), for the
/// weekly confidence drift; earlier suggestions filled in from their JSON. Every statistics role reads the call's column.
///
/// Shipped: never edit this migration. Change the schema with a new migration file.
enum PostgresMigration008SuggestedConfidence {
    static let migration = PostgresMigration(identifier: "pg-008-suggested-confidence", sql: """
        ALTER TABLE assessments ADD COLUMN confidence DOUBLE PRECISION;
        ALTER TABLE calls ADD COLUMN suggested_confidence DOUBLE PRECISION;
        UPDATE assessments SET confidence = (result_json::jsonb ->> 'confidence')::double precision
            WHERE result_json LIKE '{%' AND jsonb_typeof(result_json::jsonb -> 'confidence') = 'number';
        UPDATE calls SET suggested_confidence = a.confidence FROM assessments a WHERE a.id = calls.latest_assessment_id;
        CREATE INDEX calls_confidence ON calls (started_iso_week, started_date, suggested_confidence) WHERE suggested_confidence IS NOT NULL;
        GRANT SELECT (suggested_confidence) ON calls TO triage_midwife, triage_researcher, triage_coordinator, triage_admin;
        """)
}
