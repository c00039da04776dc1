/// Marks a call that replays a known recording (the demo plays a recording through the live path): `replay` 1, with
/// the source's path and content hash, so that the statistics leave it out unless asked. Calls archived before from a
/// file played as the device (`"recorded_live": true` and a `file:` device in their metadata) are marked too. Every
/// role's statistics read the mark; the source's path stays with those who may read paths.
///
/// Shipped: never edit this migration. Change the schema with a new migration file.
enum PostgresMigration005Replays {
    static let migration = PostgresMigration(identifier: "pg-005-replays", sql: #"""
        ALTER TABLE calls ADD COLUMN replay INTEGER NOT NULL DEFAULT 0 CHECK (replay IN (0, 1));
        ALTER TABLE calls ADD COLUMN replay_of_path TEXT;
        ALTER TABLE calls ADD COLUMN replay_of_sha256 TEXT;
        UPDATE calls SET replay = 1,
            replay_of_path = replace(substring(metadata_json from '"device"\s*:\s*"file:((?:[^"\\]|\\.)*)"'), '\/', '/')
        WHERE metadata_json ~ '"recorded_live"\s*:\s*true' AND metadata_json ~ '"device"\s*:\s*"file:';
        CREATE INDEX calls_replays ON calls (id) WHERE replay = 1;
        GRANT SELECT (replay) ON calls TO triage_midwife, triage_researcher, triage_coordinator, triage_admin;
        """#)
}
