UPDATE audit_log SET detail = 'nothing happened' WHERE id = 2;
