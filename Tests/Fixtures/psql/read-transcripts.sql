SELECT text FROM turns;
