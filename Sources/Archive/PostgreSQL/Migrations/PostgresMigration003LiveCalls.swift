/// The calls being taken at the desks right now (one row per desk, refreshed every second while recording), so that
/// other desks and the coordinator see them before they are archived; those who record write them, every role reads.
///
/// Shipped: never edit this migration. Change the schema with a new migration file.
enum PostgresMigration003LiveCalls {
    static let migration = PostgresMigration(identifier: "pg-003-live-calls", sql: """
        CREATE TABLE live_calls (
            desk           TEXT PRIMARY KEY,
            user_name      TEXT NOT NULL,
            started_at     TEXT NOT NULL,
            updated_at     TEXT NOT NULL,
            audio_ms       BIGINT NOT NULL CHECK (audio_ms >= 0),
            disposition    TEXT,
            primary_reason TEXT
        );
        CREATE INDEX live_calls_updated ON live_calls (updated_at);
        GRANT SELECT ON live_calls TO triage_midwife, triage_researcher, triage_coordinator, triage_admin;
        GRANT INSERT, UPDATE, DELETE ON live_calls TO triage_midwife, triage_researcher;
        """)
}
