import GRDB

/// The first schema: calls, transcript turns with full-text search, and the tables later stages
/// fill (features, assessments, midwife decisions, annotations, audit log).
///
/// Shipped: never edit this migration. Change the schema with a new migration file.
enum Migration001InitialSchema {
    static let identifier = "001-initial-schema"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE calls (
                id                INTEGER PRIMARY KEY,
                content_sha256    TEXT NOT NULL UNIQUE,
                content_kind      TEXT NOT NULL CHECK (content_kind IN ('audio', 'transcript')),
                source_path       TEXT NOT NULL,
                audio_format      TEXT,
                sample_rate       INTEGER CHECK (sample_rate IS NULL OR sample_rate > 0),
                channels          INTEGER NOT NULL DEFAULT 0 CHECK (channels >= 0),
                channel_roles     TEXT,
                frames            INTEGER CHECK (frames IS NULL OR frames >= 0),
                duration_ms       INTEGER CHECK (duration_ms IS NULL OR duration_ms >= 0),
                started_at        TEXT,
                started_date      TEXT,
                started_hour      INTEGER CHECK (started_hour IS NULL OR started_hour BETWEEN 0 AND 23),
                started_weekday   INTEGER CHECK (started_weekday IS NULL OR started_weekday BETWEEN 1 AND 7),
                utc_offset_min    INTEGER,
                language          TEXT,
                gestational_week  INTEGER,
                gestational_days  INTEGER,
                first_baby        INTEGER CHECK (first_baby IS NULL OR first_baby IN (0, 1)),
                caller_type       TEXT,
                days_postpartum   INTEGER,
                metadata_json     TEXT,
                transcript_path   TEXT,
                transcript_format TEXT,
                ingested_at       TEXT NOT NULL
            );
            CREATE INDEX calls_started_at ON calls(started_at);
            CREATE INDEX calls_started_hour_weekday ON calls(started_weekday, started_hour);

            CREATE TABLE turns (
                id            INTEGER PRIMARY KEY,
                call_id       INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
                seq           INTEGER NOT NULL,
                speaker       TEXT NOT NULL CHECK (speaker IN ('midwife', 'caller', 'notes', 'unknown')),
                speaker_label TEXT,
                start_ms      INTEGER,
                end_ms        INTEGER,
                text          TEXT NOT NULL,
                source        TEXT NOT NULL DEFAULT 'transcript' CHECK (source IN ('transcript', 'asr', 'notes')),
                UNIQUE (call_id, seq),
                CHECK (end_ms IS NULL OR start_ms IS NULL OR end_ms >= start_ms)
            );

            CREATE VIRTUAL TABLE turns_fts USING fts5(
                text, content = 'turns', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 0'
            );
            CREATE TRIGGER turns_fts_insert AFTER INSERT ON turns BEGIN
                INSERT INTO turns_fts(rowid, text) VALUES (new.id, new.text);
            END;
            CREATE TRIGGER turns_fts_delete AFTER DELETE ON turns BEGIN
                INSERT INTO turns_fts(turns_fts, rowid, text) VALUES ('delete', old.id, old.text);
            END;
            CREATE TRIGGER turns_fts_update AFTER UPDATE OF text ON turns BEGIN
                INSERT INTO turns_fts(turns_fts, rowid, text) VALUES ('delete', old.id, old.text);
                INSERT INTO turns_fts(rowid, text) VALUES (new.id, new.text);
            END;

            CREATE TABLE call_features (
                id                INTEGER PRIMARY KEY,
                call_id           INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
                channel           INTEGER,
                feature_set       TEXT NOT NULL,
                extractor_version TEXT NOT NULL,
                values_json       TEXT NOT NULL,
                computed_at       TEXT NOT NULL,
                UNIQUE (call_id, channel, feature_set, extractor_version)
            );

            CREATE TABLE assessments (
                id               INTEGER PRIMARY KEY,
                call_id          INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
                created_at       TEXT NOT NULL,
                taxonomy_id      TEXT NOT NULL,
                taxonomy_version TEXT NOT NULL,
                model_version    TEXT NOT NULL,
                primary_reason   TEXT,
                disposition      TEXT NOT NULL,
                result_json      TEXT NOT NULL
            );
            CREATE INDEX assessments_call ON assessments(call_id);
            CREATE TABLE assessment_reasons (
                assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
                reason_code   TEXT NOT NULL,
                rank          INTEGER NOT NULL,
                score         REAL NOT NULL,
                PRIMARY KEY (assessment_id, reason_code)
            );
            CREATE INDEX assessment_reasons_code ON assessment_reasons(reason_code);
            CREATE TABLE assessment_red_flags (
                assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
                flag_code     TEXT NOT NULL,
                PRIMARY KEY (assessment_id, flag_code)
            );

            CREATE TABLE decisions (
                id               INTEGER PRIMARY KEY,
                call_id          INTEGER NOT NULL REFERENCES calls(id) ON DELETE RESTRICT,
                assessment_id    INTEGER REFERENCES assessments(id) ON DELETE SET NULL,
                decided_at       TEXT NOT NULL,
                decided_by       TEXT NOT NULL,
                taxonomy_id      TEXT NOT NULL,
                taxonomy_version TEXT NOT NULL,
                primary_reason   TEXT,
                disposition      TEXT NOT NULL,
                note             TEXT
            );
            CREATE INDEX decisions_call ON decisions(call_id);
            CREATE TABLE decision_reasons (
                decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
                reason_code TEXT NOT NULL,
                rank        INTEGER NOT NULL,
                PRIMARY KEY (decision_id, reason_code)
            );

            CREATE TABLE annotations (
                id               INTEGER PRIMARY KEY,
                call_id          INTEGER NOT NULL REFERENCES calls(id) ON DELETE RESTRICT,
                annotator        TEXT NOT NULL,
                channel          INTEGER,
                start_ms         INTEGER NOT NULL CHECK (start_ms >= 0),
                end_ms           INTEGER NOT NULL,
                code             TEXT NOT NULL,
                taxonomy_id      TEXT NOT NULL,
                taxonomy_version TEXT NOT NULL,
                note             TEXT,
                created_at       TEXT NOT NULL,
                updated_at       TEXT NOT NULL,
                deleted_at       TEXT,
                supersedes_id    INTEGER REFERENCES annotations(id),
                CHECK (end_ms >= start_ms)
            );
            CREATE INDEX annotations_call ON annotations(call_id, annotator);

            CREATE TABLE audit_log (
                id      INTEGER PRIMARY KEY,
                at      TEXT NOT NULL,
                actor   TEXT NOT NULL,
                action  TEXT NOT NULL,
                call_id INTEGER,
                detail  TEXT
            );
            CREATE INDEX audit_log_call ON audit_log(call_id);
            """)
    }
}
