import GRDB

/// A researcher's conclusion on an incident (a possible under-triage): assistant error, transcript error or the
/// midwife's judgement, with her words. Never replaced: a later review of the same call is a new row, the newest
/// counts.
///
/// Shipped: never edit this migration. Change the schema with a new migration file.
enum Migration009IncidentReviews {
    static let identifier = "009-incident-reviews"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE incident_reviews (
                id          INTEGER PRIMARY KEY,
                call_id     INTEGER NOT NULL REFERENCES calls(id) ON DELETE RESTRICT,
                reviewed_at TEXT NOT NULL,
                reviewed_by TEXT NOT NULL,
                conclusion  TEXT NOT NULL,
                note        TEXT
            );
            CREATE INDEX incident_reviews_call ON incident_reviews(call_id, id);
            """)
    }
}
