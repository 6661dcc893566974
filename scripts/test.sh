#!/usr/bin/env bash
# Install everything and run the whole test suite, on SQLite and on a throwaway PostgreSQL server.
# Extra arguments go to pytest, e.g. scripts/test.sh -k anchoring
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

if [ -z "${CLAIMDESK_TEST_PG_URL:-}" ]; then
  if url=$(bash scripts/pg_test_cluster.sh start); then
    export CLAIMDESK_TEST_PG_URL="$url"
    trap 'bash scripts/pg_test_cluster.sh stop' EXIT
  else
    echo "note: no PostgreSQL server could be started; the storage tests run on SQLite only" >&2
  fi
fi
export QT_QPA_PLATFORM=offscreen
.venv/bin/python -m pytest "$@"
