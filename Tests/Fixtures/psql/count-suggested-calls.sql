SELECT count(*) FROM calls WHERE suggested_disposition IS NOT NULL;
