"""Where the workspace lives, how connections are set up, and schema upgrades.

A workspace is an SQLite file (the default, in the user's data directory) or a
PostgreSQL URL shared by a team. Opening one always runs the Alembic migrations
to head, so an older workspace is upgraded in place, never recreated.
"""
from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from .errors import WorkspaceUnavailable

APP_NAME = "Claimdesk"
ENV_VAR = "CLAIMDESK_DB"
MIGRATIONS = Path(__file__).with_name("migrations")
#: How long a writer waits for another process's transaction before giving up (ms).
BUSY_TIMEOUT_MS = 30_000


def default_path() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "workspace.db"


def resolve_url(target: str | os.PathLike | None = None) -> str:
    """`--db` value, else $CLAIMDESK_DB, else the default file; a bare path becomes an SQLite URL."""
    if target is None or str(target) == "":
        target = os.environ.get(ENV_VAR) or None
    if target is None:
        path = default_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    text = str(target)
    if "://" in text:
        return text
    path = Path(text).expanduser().absolute()
    if path.is_dir():
        raise WorkspaceUnavailable(f"{path} is a folder; give a workspace file such as {path / 'workspace.db'}.")
    if not path.parent.is_dir():
        raise WorkspaceUnavailable(f"Cannot create the workspace {path}: the folder {path.parent} does not exist.")
    return f"sqlite:///{path}"


def describe_url(url: str) -> str:
    """The workspace as the analyst would name it: the file path, or the server and database without password."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        return u.database or ":memory:"
    return u.render_as_string(hide_password=True)


def _sqlite_on_connect(dbapi_connection, _record) -> None:
    # We issue BEGIN ourselves (see _sqlite_on_begin); pysqlite's implicit transactions are off.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    try:
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        # WAL: readers (another window, the GUI's poll) never block the writer and vice versa.
        mode = cur.execute("PRAGMA journal_mode = WAL").fetchone()
        if mode and str(mode[0]).lower() not in ("wal", "memory"):
            raise WorkspaceUnavailable("The workspace file cannot use write-ahead logging (is it on a network or read-only drive?).")
        # FULL rather than NORMAL: with WAL, NORMAL survives a crash of the app but can lose the
        # last commits on power loss. Analysts act at human pace, so one fsync per action costs
        # nothing they notice, and "saved the moment it is done" must hold when the laptop dies too.
        cur.execute("PRAGMA synchronous = FULL")
    finally:
        cur.close()


#: Execution option marking a read-only unit of work (see Workspace._reading).
READ_ONLY = "claimdesk_read_only"


def _sqlite_on_begin(conn) -> None:
    # Writes take the lock at BEGIN (IMMEDIATE), so two writers queue on busy_timeout instead
    # of failing with "database is locked" when a deferred transaction tries to upgrade.
    # Reads stay deferred so a window polling for changes never waits behind a writer.
    if conn.get_execution_options().get(READ_ONLY):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str) -> Engine:
    try:
        u = make_url(url)
        u.port  # noqa: B018 - a malformed port only fails when read
    except (ArgumentError, ValueError):
        raise WorkspaceUnavailable(f"{url!r} is not a workspace path or database URL.") from None
    backend = u.get_backend_name()
    if backend == "sqlite":
        engine = create_engine(u, poolclass=NullPool if u.database in (None, "", ":memory:") else None,
                               connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    if backend == "postgresql":
        if u.drivername == "postgresql":
            u = u.set(drivername="postgresql+psycopg")
        return create_engine(u, pool_pre_ping=True, connect_args={"connect_timeout": 10})
    raise WorkspaceUnavailable(f"Claimdesk works with SQLite files and PostgreSQL servers, not {backend}.")


def alembic_config(connection=None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


@cache
def newest_revision() -> str:
    """The head revision read straight from the migration files, without importing Alembic.

    Opening an up-to-date workspace (every start but the first after an update)
    then costs one SELECT, not Alembic's import; tests check it equals head_revision().
    """
    revisions, parents = set(), set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        rev = re.search(r'^revision\s*=\s*["\']([^"\']+)["\']', source, re.M)
        down = re.search(r'^down_revision\s*=\s*["\']([^"\']+)["\']', source, re.M)
        if rev:
            revisions.add(rev.group(1))
        if down:
            parents.add(down.group(1))
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"the migrations must have exactly one head, not {sorted(heads)}")
    return heads.pop()


def current_revision(engine: Engine) -> str | None:
    """The workspace's schema revision, or None for a new, empty database."""
    with engine.execution_options(**{READ_ONLY: True}).connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except DBAPIError as exc:
            if "alembic_version" in str(exc.orig):
                return None  # no alembic_version table yet: a new workspace
            raise


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision`, in one transaction; refuse a workspace from a newer Claimdesk."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    with engine.begin() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        if current is not None and not _known_revision(script, current):
            raise WorkspaceUnavailable(
                "This workspace was made by a newer version of Claimdesk; update Claimdesk to open it.")
        command.upgrade(alembic_config(conn), revision)


def _known_revision(script, revision: str) -> bool:
    from alembic.util import CommandError

    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False


def open_engine(target: str | os.PathLike | None = None) -> tuple[Engine, str]:
    """Resolve, connect, check and upgrade: the one way a workspace is opened."""
    url = resolve_url(target)
    engine = make_engine(url)
    name = describe_url(url)
    try:
        if current_revision(engine) != newest_revision():
            upgrade(engine)
    except WorkspaceUnavailable:
        engine.dispose()
        raise
    except DBAPIError as exc:
        engine.dispose()
        raise WorkspaceUnavailable(_explain(exc, name)) from None
    except SQLAlchemyError as exc:
        engine.dispose()
        raise WorkspaceUnavailable(f"Cannot open the workspace {name}: {exc.__class__.__name__}.") from None
    return engine, url


def _explain(exc: DBAPIError, name: str) -> str:
    """One sentence for the common ways a workspace fails to open.

    Order matters: psycopg wraps every refusal in "connection failed: ...", so the
    specific causes (credentials, unknown database) are looked for before reachability.
    """
    orig = str(getattr(exc, "orig", exc)).strip()
    msg = orig.splitlines()[0] if orig else ""
    low = orig.lower()
    if "file is not a database" in low or "not a database" in low:
        return f"{name} is not a Claimdesk workspace (it is not an SQLite database)."
    if "unable to open database" in low or "readonly" in low or "read-only" in low:
        return f"Cannot open the workspace {name}: the file cannot be read or written."
    if "password authentication failed" in low or "no password supplied" in low:
        return f"The PostgreSQL server refused the user name or password for {name}."
    if "role" in low and "does not exist" in low:
        return f"The PostgreSQL server has no such user for {name}; check the user name in the address."
    if "does not exist" in low and "database" in low:
        return f"The database in {name} does not exist on that server."
    if "failed to resolve host" in low or "name or service not known" in low or "nodename nor servname" in low:
        return f"Cannot find the PostgreSQL server for {name}; check the host name in the address."
    if "connection refused" in low or "could not connect" in low or "timeout" in low or "connection failed" in low:
        return f"Cannot reach the PostgreSQL server for {name}; is it running and is the address right?"
    return f"Cannot open the workspace {name}: {msg or exc.__class__.__name__}."
