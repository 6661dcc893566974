#!/usr/bin/env bash
# Start (or stop) a throwaway PostgreSQL cluster on 127.0.0.1 for the test suite.
#   scripts/pg_test_cluster.sh start   -> prints the admin URL to use as CLAIMDESK_TEST_PG_URL
#   scripts/pg_test_cluster.sh stop
#   scripts/pg_test_cluster.sh status  -> exit 0 when it is already running
# Installs Debian's PostgreSQL server when it is missing (needs root, as in CI).
set -euo pipefail
DIR=${PGTEST_DIR:-/tmp/claimdesk-pgtest}
PORT=${PGTEST_PORT:-54329}

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
BIN=$(find_bin)
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  echo "installing the PostgreSQL server (apt-get)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2 && apt-get install -y -q --no-install-recommends postgresql >&2
  BIN=$(find_bin)
fi

# initdb and postgres refuse to run as root: run them as the 'postgres' user then.
as_pg() {
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "${1:-start}" in
  start)
    if [ -f "$DIR/data/postmaster.pid" ] && as_pg "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
      echo "postgresql+psycopg://claimdesk@127.0.0.1:$PORT/postgres"; exit 0
    fi
    rm -rf "$DIR"; mkdir -p "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$DIR"
    as_pg "$BIN/initdb" -D "$DIR/data" -U claimdesk --auth=trust -E UTF8 --no-instructions >/dev/null
    # One user that must give a password, so the tests can show what a wrong one looks like.
    hba="$DIR/data/pg_hba.conf"
    { echo "host all claimdesk_pw 127.0.0.1/32 scram-sha-256"; cat "$hba"; } > "$hba.new" && mv "$hba.new" "$hba"
    [ "$(id -u)" = 0 ] && chown postgres "$hba"
    # A throwaway cluster: fsync off only makes the tests faster; nothing here must survive a crash.
    as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c max_connections=200" start >/dev/null
    as_pg "$BIN/psql" -q -h "$DIR" -p "$PORT" -U claimdesk -d postgres \
      -c "CREATE ROLE claimdesk_pw LOGIN PASSWORD 'right-password'" >/dev/null
    echo "postgresql+psycopg://claimdesk@127.0.0.1:$PORT/postgres"
    ;;
  status)
    [ -f "$DIR/data/postmaster.pid" ] && as_pg "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1
    ;;
  stop)
    [ -d "$DIR/data" ] && as_pg "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null || true
    ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
