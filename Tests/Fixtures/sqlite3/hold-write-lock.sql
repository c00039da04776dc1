BEGIN IMMEDIATE;
.shell touch "$READY" && sleep 2
ROLLBACK;
