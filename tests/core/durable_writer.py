"""A child process for the durability and contention tests: writes claims and reports each acknowledged one.

    python -m tests.core.durable_writer DB COPY ANALYST [SECONDS]

Imports its own copy of the sample article (COPY names it; a rerun finds it again),
then adds claims one action at a time, printing `ACK <claim_id> <note>` only after
the action has returned, i.e. committed. Runs until killed, or for SECONDS when
given. A refused action is printed as `ERROR <message>`.
"""
from __future__ import annotations

import itertools
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from desktop_app.core.errors import ClaimdeskError, DuplicateArticle
from desktop_app.core.importers import import_bytes
from desktop_app.core.workspace import Workspace

SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "usa-attacks-pro-iranian-militias-in-iraq.txt"


def spans(text: str) -> Iterator[tuple[int, int]]:
    """Distinct spans that start and end on a non-space (so the Workspace keeps them as given)."""
    for length in itertools.count(5):
        for start in range(len(text) - length):
            if not text[start].isspace() and not text[start + length - 1].isspace():
                yield start, start + length


def main(db: str, copy: str, analyst: str, seconds: float | None) -> None:
    stop = time.monotonic() + seconds if seconds else None
    with Workspace.open(db, analyst=analyst) as ws:
        text = SAMPLE.read_text(encoding="utf-8") + f"\n\nCopy {copy}\n"
        try:
            article_id = ws.import_article(import_bytes(text.encode("utf-8"), filename=f"{copy}.txt")).id
        except DuplicateArticle as dup:
            article_id = dup.article_id
        article = ws.article(article_id)
        # Claim n of this copy always gets span n, so a rerun never adds a twin of a committed claim.
        n = len(article.claims)
        for start, end in itertools.islice(spans(article.text), n, None):
            if stop is not None and time.monotonic() >= stop:
                break
            note = f"{analyst}-{n}"
            try:
                claim = ws.add_claim(article_id, "other", start=start, end=end, note=note)
            except ClaimdeskError as exc:
                print(f"ERROR {exc}", flush=True)
            else:
                print(f"ACK {claim.id} {note}", flush=True)
            n += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]) if len(sys.argv) > 4 else None)
