// libpq: PostgreSQL's own client library (connection strings and URIs, ~/.pgpass and PGPASSFILE, peer
// authentication, LISTEN/NOTIFY, COPY).
#include <libpq-fe.h>

// Quiets the server's NOTICE messages (libpq prints them on stderr by default).
static inline void triage_pq_quiet_notices(PGconn *conn) {
    PQsetNoticeProcessor(conn, NULL, NULL);
}
