#!/bin/sh
# A PostgreSQL server of its own in a folder, for the benchmarks (the tests start theirs from TestSupport):
#   throwaway_postgres.sh start DIR    initdb in DIR/data, the server listening on a Unix socket in DIR only
#   throwaway_postgres.sh db DIR NAME  a new database NAME owned by this account; prints its archive address
#   throwaway_postgres.sh stop DIR     stops the server and removes DIR
# As root, the server runs as the postgres account (it refuses root). Trust authentication, on its own socket only.
set -eu
command=$1; dir=$2
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_server() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; else "$@"; fi; }
case $command in
start)
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
  as_server "$bin/initdb" -D "$dir/data" -U triage_admin_db -A trust -E UTF8 --no-locale --no-sync --no-instructions >"$dir/initdb.log"
  as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "-k $dir -c listen_addresses= -c fsync=off -c synchronous_commit=off -c shared_buffers=256MB -c max_connections=100" start >/dev/null
  me=$(id -un)
  psql -X -q -h "$dir" -U triage_admin_db -d postgres -c "CREATE ROLE \"$me\" LOGIN CREATEROLE" >/dev/null
  ;;
db)
  psql -X -q -h "$dir" -U triage_admin_db -d postgres -c "CREATE DATABASE $3 OWNER \"$(id -un)\"" >/dev/null
  echo "postgresql:///$3?host=$dir"
  ;;
stop)
  as_server "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  ;;
*) echo "usage: $0 start|db|stop DIR [NAME]" >&2; exit 2 ;;
esac
