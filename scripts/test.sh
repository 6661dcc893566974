#!/usr/bin/env bash
# Install everything and run the whole test suite, on SQLite and on a throwaway PostgreSQL server.
# Extra arguments go to pytest, e.g. scripts/test.sh -k anchoring
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

if [ -z "${CLAIMDESK_TEST_PG_URL:-}" ]; then
  already_running=0
  bash scripts/pg_test_cluster.sh status && already_running=1
  if url=$(bash scripts/pg_test_cluster.sh start); then
    export CLAIMDESK_TEST_PG_URL="$url"
    # Stop only a cluster this run started, never one another run is using.
    [ "$already_running" = 1 ] || trap 'bash scripts/pg_test_cluster.sh stop' EXIT
  else
    echo "note: no PostgreSQL server could be started; the storage tests run on SQLite only" >&2
  fi
fi
export QT_QPA_PLATFORM=offscreen
.venv/bin/python -m pytest "$@"
