INSERT INTO audit_log (id, at, actor, roles, action, call_id, detail, origin, previous_hash, hash)
SELECT max(id) + 1, '2026-12-01T00:00:00.000Z', 'someone-else', 'admin', 'decide', NULL, 'forged', 'sqlite3',
       (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), 'forged-hash' FROM audit_log;
