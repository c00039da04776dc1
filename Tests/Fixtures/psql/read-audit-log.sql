SELECT * FROM audit_log;
