-- Takes an archive back to the schema before migration pg-005 (replays), as an archive written by an earlier
-- version is: the replay columns, their index and grants gone, the migration not applied.
DROP INDEX calls_replays;
ALTER TABLE calls DROP COLUMN replay, DROP COLUMN replay_of_path, DROP COLUMN replay_of_sha256;
DELETE FROM schema_migrations WHERE identifier = 'pg-005-replays';
