"""Several processes editing the same claims at once: no lost update, every refusal reported."""
from __future__ import annotations

import subprocess
import sys
from collections import defaultdict

import pytest

from desktop_app.core.workspace import Workspace

from ..conftest import REPO, SAMPLE

PROCESSES = 4
ROUNDS = 40


def _spawn(url: str, tag: str, claim_ids: list[int]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.core.concurrent_editor", url, tag, str(ROUNDS), *map(str, claim_ids)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_concurrent_optimistic_edits_lose_nothing(workspace_url):
    with Workspace.open(workspace_url) as ws:
        article = ws.import_file(SAMPLE)
        claim_ids = [ws.add_claim(article.id, "casualty", quote=q).id
                     for q in ("three US soldiers injured", "Another 24 were injured")]

    children = [_spawn(workspace_url, f"p{i}", claim_ids) for i in range(PROCESSES)]
    outputs = []
    for child in children:
        out, err = child.communicate(timeout=300)
        assert child.returncode == 0, err
        assert "database is locked" not in err
        outputs.append(out.splitlines())

    acked: dict[int, list[tuple[int, str]]] = defaultdict(list)
    refused = 0
    for lines in outputs:
        assert len(lines) == ROUNDS  # every attempt reported, one way or the other
        for line in lines:
            kind, claim_id, rest = line.split(" ", 2)
            if kind == "ACK":
                version, note = rest.split(" ", 1)
                acked[int(claim_id)].append((int(version), note))
            else:
                assert kind == "REFUSED" and "was changed by editor-p" in rest
                refused += 1
    assert sum(map(len, acked.values())) + refused == PROCESSES * ROUNDS

    with Workspace.open(workspace_url) as ws:
        for claim_id in claim_ids:
            acks = acked[claim_id]
            notes_in_history = [e.new for e in ws.history(claim_id) if e.field == "note"]
            # Every acknowledged save is in the history, once, and nothing else is.
            assert sorted(notes_in_history) == sorted(note for _, note in acks)
            # Each acknowledged save made exactly one new version: none was silently overwritten.
            assert sorted(v for v, _ in acks) == list(range(2, 2 + len(acks)))
            final = ws.claim(claim_id)
            assert final.version == 1 + len(acks)
            assert final.note == max(acks)[1]


CONTENTION_SECONDS = 30


@pytest.mark.slow
def test_two_processes_writing_one_sqlite_file_for_30_seconds(tmp_path):
    db = str(tmp_path / "shared.db")
    Workspace.open(db).close()  # created and migrated once, as the first window would
    writers = [subprocess.Popen(
        [sys.executable, "-m", "tests.core.durable_writer", db, f"copy{i}", f"analyst{i}", str(CONTENTION_SECONDS)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(2)]
    acknowledged: dict[int, str] = {}
    for w in writers:
        out, err = w.communicate(timeout=CONTENTION_SECONDS + 120)
        assert w.returncode == 0, err
        assert "locked" not in err.lower() and "locked" not in out.lower()
        lines = out.splitlines()
        assert [x for x in lines if not x.startswith("ACK ")] == []
        per_writer = {int(cid): note for _, cid, note in (x.split(" ", 2) for x in lines)}
        assert len(per_writer) > 50  # both really wrote, all along
        acknowledged |= per_writer

    with Workspace.open(db) as ws:
        stored = {c.id: c.note for c in ws.claims()}
    assert stored == acknowledged
