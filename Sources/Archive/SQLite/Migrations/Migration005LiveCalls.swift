import GRDB

/// The calls being taken at the desks right now (one row per desk, refreshed every second while recording), so
/// that other desks and the coordinator see them before they are archived.
///
/// Shipped: never edit this migration. Change the schema with a new migration file.
enum Migration005LiveCalls {
    static let identifier = "005-live-calls"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE live_calls (
                desk           TEXT PRIMARY KEY,
                user_name      TEXT NOT NULL,
                started_at     TEXT NOT NULL,
                updated_at     TEXT NOT NULL,
                audio_ms       INTEGER NOT NULL CHECK (audio_ms >= 0),
                disposition    TEXT,
                primary_reason TEXT
            );
            CREATE INDEX live_calls_updated ON live_calls(updated_at);
            """)
    }
}
