/// Keeps on each call the suggestion its latest decision was made against (disposition, primary reason, taxonomy and
/// model versions), so that the quality figures over a million calls read one table, as the statistics do.
///
/// Shipped: never edit this migration. Change the schema with a new migration file.
enum PostgresMigration004DecidedAgainst {
    static let migration = PostgresMigration(identifier: "pg-004-decided-against", sql: """
        ALTER TABLE calls ADD COLUMN decided_against_disposition TEXT;
        ALTER TABLE calls ADD COLUMN decided_against_primary TEXT;
        ALTER TABLE calls ADD COLUMN decided_against_taxonomy TEXT;
        ALTER TABLE calls ADD COLUMN decided_against_model TEXT;
        UPDATE calls SET
            decided_against_disposition = a.disposition, decided_against_primary = a.primary_reason,
            decided_against_taxonomy = a.taxonomy_version, decided_against_model = a.model_version
        FROM decisions d JOIN assessments a ON true
        WHERE d.id = calls.latest_decision_id AND a.id = COALESCE(d.assessment_id, calls.latest_assessment_id);
        CREATE INDEX calls_quality ON calls (started_iso_week, started_date, decided_against_disposition, confirmed_disposition,
                                             decided_against_primary, decided_against_model, decided_against_taxonomy)
            WHERE decided_against_disposition IS NOT NULL;
        GRANT SELECT (decided_against_disposition, decided_against_primary, decided_against_taxonomy, decided_against_model)
            ON calls TO triage_midwife, triage_researcher, triage_coordinator, triage_admin;
        """)
}
