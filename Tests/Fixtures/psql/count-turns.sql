SELECT count(*) FROM turns;
