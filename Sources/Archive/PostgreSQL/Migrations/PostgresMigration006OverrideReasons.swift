/// Why the midwife decided otherwise than suggested: a coded reason and her own words on the decision, and the latest
/// decision's reason on the call for the quality figures. Those who read decisions read them (table grants); the midwife
/// gives her own decision its reason just after it (and the call's column with it); every statistics role reads the
/// call's column.
///
/// Shipped: never edit this migration. Change the schema with a new migration file.
enum PostgresMigration006OverrideReasons {
    static let migration = PostgresMigration(identifier: "pg-006-override-reasons", sql: """
        ALTER TABLE decisions ADD COLUMN override_reason TEXT;
        ALTER TABLE decisions ADD COLUMN override_text TEXT;
        ALTER TABLE calls ADD COLUMN decided_override_reason TEXT;
        CREATE INDEX calls_quality_override ON calls (started_iso_week, started_date, decided_against_disposition, confirmed_disposition,
                                                      decided_override_reason) WHERE decided_against_disposition IS NOT NULL;
        GRANT UPDATE (override_reason, override_text) ON decisions TO triage_midwife;
        GRANT SELECT (decided_override_reason) ON calls TO triage_midwife, triage_researcher, triage_coordinator, triage_admin;
        """)
}
