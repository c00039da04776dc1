import GRDB

/// Keeps on each call the suggestion its latest decision was made against (disposition, primary reason, taxonomy and
/// model versions), so that the quality figures over a million calls group one indexed table, as the statistics do.
/// Earlier decisions are filled in from the history.
///
/// Shipped: never edit this migration. Change the schema with a new migration file.
enum Migration006DecidedAgainst {
    static let identifier = "006-decided-against"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE calls ADD COLUMN decided_against_disposition TEXT;
            ALTER TABLE calls ADD COLUMN decided_against_primary TEXT;
            ALTER TABLE calls ADD COLUMN decided_against_taxonomy TEXT;
            ALTER TABLE calls ADD COLUMN decided_against_model TEXT;
            CREATE TEMPORARY TABLE decided_against AS
                SELECT c.id AS call_id, COALESCE(d.assessment_id, c.latest_assessment_id) AS assessment_id
                FROM calls c JOIN decisions d ON d.id = c.latest_decision_id;
            UPDATE calls SET
                decided_against_disposition = (SELECT a.disposition FROM decided_against x JOIN assessments a ON a.id = x.assessment_id WHERE x.call_id = calls.id),
                decided_against_primary = (SELECT a.primary_reason FROM decided_against x JOIN assessments a ON a.id = x.assessment_id WHERE x.call_id = calls.id),
                decided_against_taxonomy = (SELECT a.taxonomy_version FROM decided_against x JOIN assessments a ON a.id = x.assessment_id WHERE x.call_id = calls.id),
                decided_against_model = (SELECT a.model_version FROM decided_against x JOIN assessments a ON a.id = x.assessment_id WHERE x.call_id = calls.id)
            WHERE latest_decision_id IS NOT NULL;
            DROP TABLE decided_against;
            -- Covers every quality question: the period, both dispositions and the split values.
            CREATE INDEX calls_quality ON calls(started_iso_week, started_date, decided_against_disposition, confirmed_disposition,
                                                decided_against_primary, decided_against_model, decided_against_taxonomy)
                WHERE decided_against_disposition IS NOT NULL;
            """)
    }
}
