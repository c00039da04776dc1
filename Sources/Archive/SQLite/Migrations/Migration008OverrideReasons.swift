import GRDB

/// Why the midwife decided otherwise than suggested: a coded reason from the taxonomy's `override_reasons` and her own
/// words, kept on the decision; the latest decision's reason is kept on the call too, so that the quality figures
/// split by it read the same indexed table as every other split.
///
/// Shipped: never edit this migration. Change the schema with a new migration file.
enum Migration008OverrideReasons {
    static let identifier = "008-override-reasons"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE decisions ADD COLUMN override_reason TEXT;
            ALTER TABLE decisions ADD COLUMN override_text TEXT;
            ALTER TABLE calls ADD COLUMN decided_override_reason TEXT;
            -- Covers the quality figures split by override reason, as calls_quality covers the other splits.
            CREATE INDEX calls_quality_override ON calls(started_iso_week, started_date, decided_against_disposition, confirmed_disposition,
                                                         decided_override_reason) WHERE decided_against_disposition IS NOT NULL;
            """)
    }
}
