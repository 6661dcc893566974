"""A child process for the concurrency tests: edits claims with optimistic locking and reports each outcome.

    python -m tests.core.concurrent_editor URL TAG ROUNDS CLAIM_ID [CLAIM_ID ...]

For every round it reads a claim, then saves a new note with --if-version semantics,
printing `ACK <claim> <version> <note>` for an acknowledged save and
`REFUSED <claim> <message>` for a refusal. Every attempt prints exactly one line.
"""
from __future__ import annotations

import sys

from desktop_app.core.errors import StaleVersion
from desktop_app.core.workspace import Workspace


def main(url: str, tag: str, rounds: int, claim_ids: list[int]) -> None:
    with Workspace.open(url, analyst=f"editor-{tag}") as ws:
        for k in range(rounds):
            claim_id = claim_ids[k % len(claim_ids)]
            seen = ws.claim(claim_id)
            note = f"{tag}-{k}"
            try:
                saved = ws.update_claim(claim_id, note=note, rationale=f"round {k}", if_version=seen.version)
            except StaleVersion as exc:
                print(f"REFUSED {claim_id} {exc}", flush=True)
            else:
                print(f"ACK {claim_id} {saved.version} {note}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), [int(x) for x in sys.argv[4:]])
