"""Opening workspaces: locations, connection settings, migrations and upgrades."""
from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from desktop_app.core import db
from desktop_app.core.errors import WorkspaceUnavailable
from desktop_app.core.models import Base
from desktop_app.core.workspace import Workspace

from ..conftest import SAMPLE


def test_a_bare_path_becomes_an_sqlite_workspace(tmp_path):
    assert db.resolve_url(tmp_path / "w.db") == f"sqlite:///{tmp_path / 'w.db'}"


def test_the_environment_names_the_workspace_when_no_db_is_given(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMDESK_DB", str(tmp_path / "env.db"))
    assert db.resolve_url(None) == f"sqlite:///{tmp_path / 'env.db'}"


def test_the_default_workspace_lives_in_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(db, "user_data_dir", lambda app, appauthor=False: str(tmp_path / "data" / app))
    url = db.resolve_url(None)
    assert url == f"sqlite:///{tmp_path / 'data' / 'Claimdesk' / 'workspace.db'}"
    assert (tmp_path / "data" / "Claimdesk").is_dir()


def test_a_folder_or_missing_folder_is_refused_with_a_sentence(tmp_path):
    with pytest.raises(WorkspaceUnavailable, match="is a folder"):
        db.resolve_url(tmp_path)
    with pytest.raises(WorkspaceUnavailable, match="does not exist"):
        db.resolve_url(tmp_path / "missing" / "w.db")


def test_sqlite_connections_get_wal_foreign_keys_busy_timeout_and_full_sync(tmp_path):
    ws = Workspace.open(tmp_path / "w.db")
    try:
        with ws.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == db.BUSY_TIMEOUT_MS
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    finally:
        ws.close()


def test_a_new_workspace_is_at_the_newest_schema_and_matches_the_models(workspace):
    assert db.current_revision(workspace.engine) == db.head_revision()
    with workspace.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []


def test_the_head_read_from_the_migration_files_is_alembics_head():
    assert db.newest_revision() == db.head_revision()


def test_a_workspace_made_by_the_first_migration_is_upgraded_in_place(workspace_url):
    engine = db.make_engine(db.resolve_url(workspace_url))
    db.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO articles (id, title, text, sha256, media_type, imported_at) "
            "VALUES (7, 'Old article', 'Three soldiers were injured.', :sha, 'text/plain', '2026-01-02 03:04:05')"),
            {"sha": "a" * 64})
        conn.execute(text(
            'INSERT INTO claims (id, article_id, start, "end", text, prefix, suffix, anchor, type, status, note, '
            "count, analyst, created_at, updated_at, updated_by, version) VALUES (3, 7, 0, 27, "
            "'Three soldiers were injured', '', '.', 'exact', 'casualty', 'verified', 'kept', 3, 'old', "
            "'2026-01-02 03:04:05', '2026-01-02 03:04:05', 'old', 1)"))
    engine.dispose()

    ws = Workspace.open(workspace_url)
    try:
        assert db.current_revision(ws.engine) == db.head_revision()
        article = ws.article(7)
        assert article.summary.revision == 1 and article.text == "Three soldiers were injured."
        claim = article.claims[0]
        assert (claim.id, claim.status, claim.note, claim.fields["count"]) == (3, "verified", "kept", 3)
        assert ws.change_count() == 0
        ws.update_claim(3, status="disputed", rationale="after upgrade")
        assert ws.change_count() == 1
    finally:
        ws.close()


def test_a_workspace_from_a_newer_claimdesk_is_refused(workspace_url):
    Workspace.open(workspace_url).close()
    engine = db.make_engine(db.resolve_url(workspace_url))
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(WorkspaceUnavailable, match="newer version of Claimdesk"):
        Workspace.open(workspace_url)


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_bytes(SAMPLE.read_bytes() * 4)
    before = bogus.read_bytes()
    with pytest.raises(WorkspaceUnavailable, match="not a Claimdesk workspace"):
        Workspace.open(bogus)
    assert bogus.read_bytes() == before


def test_an_unreachable_server_is_one_sentence():
    with pytest.raises(WorkspaceUnavailable, match="Cannot reach the PostgreSQL server") as err:
        Workspace.open("postgresql+psycopg://nobody:secret@127.0.0.1:9/claims")
    assert "secret" not in str(err.value)


def _on_test_server(pg_url: str, **parts) -> str:
    from sqlalchemy.engine import make_url

    return make_url(pg_url).set(**parts).render_as_string(hide_password=False)


@pytest.mark.parametrize("parts, message", [
    ({"username": "claimdesk_pw", "password": "wrong-password"}, "refused the user name or password"),
    ({"username": "no_such_analyst"}, "has no such user"),
    ({"database": "no_such_desk"}, "does not exist on that server"),
    ({"host": "no-such-host.invalid"}, "Cannot find the PostgreSQL server"),
])
def test_a_wrong_server_address_is_one_sentence_that_hides_the_password(pg_url, parts, message):
    url = _on_test_server(pg_url, **parts)
    with pytest.raises(WorkspaceUnavailable, match=message) as err:
        Workspace.open(url)
    assert "wrong-password" not in str(err.value)
    assert "\n" not in str(err.value)


def test_a_malformed_address_is_refused_not_crashed():
    with pytest.raises(WorkspaceUnavailable, match="not a workspace path or database URL"):
        Workspace.open("postgresql://::::")


def test_an_unknown_kind_of_database_is_refused():
    with pytest.raises(WorkspaceUnavailable, match="SQLite files and PostgreSQL"):
        Workspace.open("mysql://localhost/claims")


def test_reopening_keeps_everything(tmp_path):
    path = Path(tmp_path / "w.db")
    with Workspace.open(path) as ws:
        article = ws.import_file(SAMPLE)
        claim = ws.add_claim(article.id, "casualty", quote="three US soldiers injured")
        ws.update_claim(claim.id, status="verified", rationale="CENTCOM confirmed")
    with Workspace.open(path) as ws:
        assert ws.claim(claim.id).status == "verified"
        assert ws.history(claim.id)[-1].rationale == "CENTCOM confirmed"
