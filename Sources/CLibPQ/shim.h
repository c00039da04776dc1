// libpq: PostgreSQL's own client library (connection strings and URIs, ~/.pgpass and PGPASSFILE, peer
// authentication, LISTEN/NOTIFY, COPY).
#include <libpq-fe.h>

static inline void triage_pq_ignore_notice(void *argument, const char *message) {
    (void)argument;
    (void)message;
}

// Quiets the server's NOTICE and WARNING messages (libpq prints them on stderr by default): the product reports
// what matters itself.
static inline void triage_pq_quiet_notices(PGconn *conn) {
    PQsetNoticeProcessor(conn, triage_pq_ignore_notice, NULL);
}
