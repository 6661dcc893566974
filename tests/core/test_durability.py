"""Killing Claimdesk at any moment loses nothing it acknowledged and never corrupts the workspace."""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from ..conftest import REPO

KILLS_PER_WORKSPACE = 13
WORKSPACES = 4  # 52 kills in all, run side by side


def _run_and_kill(db: str, analyst: str, after: float, among_writes: bool) -> list[str]:
    """Start a writer and SIGKILL it: `after` seconds from its start (start-up, migration), or, with
    `among_writes`, `after` seconds from its first acknowledged write, however slow the machine is."""
    child = subprocess.Popen([sys.executable, "-m", "tests.core.durable_writer", db, "torture", analyst], cwd=REPO,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = child.stdout.readline() if among_writes else ""
    time.sleep(after)
    os.kill(child.pid, signal.SIGKILL)
    out, _ = child.communicate()
    assert child.returncode == -signal.SIGKILL
    return (first + out).splitlines()


def _check(db: str, acknowledged: dict[int, str]) -> None:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        if not acknowledged:
            return
        stored = dict(conn.execute("SELECT id, note FROM claims"))
        history = {row[0] for row in conn.execute("SELECT claim_id FROM claim_events WHERE action = 'created'")}
    finally:
        conn.close()
    missing = {cid: note for cid, note in acknowledged.items() if stored.get(cid) != note}
    assert missing == {}, f"acknowledged but lost: {missing}"
    assert set(acknowledged) <= history


def _torture(tmp_path, index: int) -> tuple[int, int]:
    db = str(tmp_path / f"w{index}.db")
    rng = random.Random(index)
    acknowledged: dict[int, str] = {}
    for kill in range(KILLS_PER_WORKSPACE):
        # Early kills land in start-up and the first migration; later ones among the writes.
        early = kill < 3
        after = rng.uniform(0.3, 1.4) if early else rng.uniform(0.0, 0.8)
        lines = _run_and_kill(db, f"w{index}k{kill}", after, among_writes=not early)
        assert not [x for x in lines if x.startswith("ERROR")]
        for line in lines:
            if line.startswith("ACK "):
                _, claim_id, note = line.split(" ", 2)
                acknowledged[int(claim_id)] = note
        if os.path.exists(db):
            _check(db, acknowledged)
    return KILLS_PER_WORKSPACE, len(acknowledged)


@pytest.mark.slow
def test_sigkill_at_random_moments_never_loses_an_acknowledged_change(tmp_path):
    with ThreadPoolExecutor(WORKSPACES) as pool:
        results = list(pool.map(lambda i: _torture(tmp_path, i), range(WORKSPACES)))
    kills = sum(k for k, _ in results)
    acknowledged = sum(a for _, a in results)
    assert kills >= 50
    assert acknowledged > 100  # the kills really landed among writes, not only during start-up
