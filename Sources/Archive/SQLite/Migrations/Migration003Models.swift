import GRDB

/// Trained reason models, stored and versioned in the archive: the model file as written by `triage train`,
/// what it was trained on, its cross-validated figures, who stored it, and which one is active (at most one).
///
/// Shipped: never edit this migration. Change the schema with a new migration file.
enum Migration003Models {
    static let identifier = "003-models"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE models (
                id               TEXT PRIMARY KEY,
                taxonomy         TEXT NOT NULL,
                training_sha256  TEXT NOT NULL,
                training_calls   INTEGER NOT NULL CHECK (training_calls >= 0),
                stored_at        TEXT NOT NULL,
                stored_by        TEXT NOT NULL,
                metrics_json     TEXT,
                model_json       BLOB NOT NULL,
                active           INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1))
            );
            CREATE UNIQUE INDEX models_one_active ON models(active) WHERE active = 1;
            """)
    }
}
