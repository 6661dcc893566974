"""Fixtures shared by the whole suite.

`workspace_url` / `workspace` run each storage test on SQLite and, when
CLAIMDESK_TEST_PG_URL names a PostgreSQL server (CI starts one with
scripts/pg_test_cluster.sh), on a fresh PostgreSQL database too.
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SAMPLE = SEEDS / "usa-attacks-pro-iranian-militias-in-iraq.txt"
SAMPLE_GOLD = SEEDS / "usa-attacks-pro-iranian-militias-in-iraq.gold.json"
PG_ADMIN_URL = os.environ.get("CLAIMDESK_TEST_PG_URL")

if os.environ.get("CI") and not PG_ADMIN_URL:
    raise pytest.UsageError("CI must run the storage tests on PostgreSQL too: set CLAIMDESK_TEST_PG_URL (see .ci/run).")

ENGINES = ["sqlite"] + (["postgresql"] if PG_ADMIN_URL else [])


@pytest.fixture(autouse=True)
def _analyst(monkeypatch):
    monkeypatch.setenv("CLAIMDESK_ANALYST", "test-analyst")
    monkeypatch.delenv("CLAIMDESK_DB", raising=False)


def _pg_database():
    """A new, empty PostgreSQL database; yields its URL and drops it afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"claimdesk_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=ENGINES)
def workspace_url(request, tmp_path):
    """A workspace location on each engine: an SQLite file path, or a PostgreSQL URL."""
    if request.param == "sqlite":
        yield str(tmp_path / "workspace.db")
    else:
        yield from _pg_database()


@pytest.fixture
def pg_url():
    """A fresh PostgreSQL database, for what only PostgreSQL has (LISTEN/NOTIFY). CI always provides one."""
    if not PG_ADMIN_URL:
        pytest.skip("needs a PostgreSQL server: set CLAIMDESK_TEST_PG_URL (scripts/test.sh starts one)")
    yield from _pg_database()


@pytest.fixture
def workspace(workspace_url):
    from desktop_app.core.workspace import Workspace

    ws = Workspace.open(workspace_url)
    yield ws
    ws.close()


@pytest.fixture
def sample_article(workspace):
    return workspace.import_file(SAMPLE)
