import GRDB

/// Marks a call that replays a known recording (the demo plays a recording through the live path): `replay` 1, with
/// the source's path and content hash, so that the statistics leave it out unless asked. Calls archived before from
/// a file played as the device (`"recorded_live": true` and a `file:` device in their metadata) are marked too, with
/// the path they were played from.
///
/// Shipped: never edit this migration. Change the schema with a new migration file.
enum Migration007Replays {
    static let identifier = "007-replays"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE calls ADD COLUMN replay INTEGER NOT NULL DEFAULT 0 CHECK (replay IN (0, 1));
            ALTER TABLE calls ADD COLUMN replay_of_path TEXT;
            ALTER TABLE calls ADD COLUMN replay_of_sha256 TEXT;
            UPDATE calls SET replay = 1, replay_of_path = substr(json_extract(metadata_json, '$.device'), 6)
            WHERE CASE WHEN json_valid(metadata_json)
                       THEN json_extract(metadata_json, '$.recorded_live') = 1 AND json_extract(metadata_json, '$.device') LIKE 'file:%'
                       ELSE 0 END;
            -- The few replays, for the statistics' `id NOT IN (…)`.
            CREATE INDEX calls_replays ON calls(id) WHERE replay = 1;
            """)
    }
}
