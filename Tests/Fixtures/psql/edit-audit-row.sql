UPDATE audit_log SET actor = 'eve' WHERE id = 2;
