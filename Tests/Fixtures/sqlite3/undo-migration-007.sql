-- Takes an archive back to the schema before migration 007 (replays), as an archive written by an earlier version
-- is: the replay columns and their index gone, the migration not applied.
DROP INDEX calls_replays;
ALTER TABLE calls DROP COLUMN replay;
ALTER TABLE calls DROP COLUMN replay_of_path;
ALTER TABLE calls DROP COLUMN replay_of_sha256;
DELETE FROM grdb_migrations WHERE identifier = '007-replays';
