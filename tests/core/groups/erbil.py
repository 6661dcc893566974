"""The Erbil event set: three reports of one event, their reference claims and what should disagree.

Reads seeds/erbil-strikes.discrepancies.json (articles with outlet and date, expected groups,
expected discrepancies) and each article's .gold.json, so the tests take their expectations
from data, not from code.
"""
from __future__ import annotations

import json

from ...conftest import SEEDS

EXPECTATIONS = SEEDS / "erbil-strikes.discrepancies.json"
GOLD_FIELDS = ("count", "qualifier", "category", "who", "speaker")


def expectations() -> dict:
    return json.loads(EXPECTATIONS.read_text(encoding="utf-8"))


def gold_fields(item: dict) -> dict:
    """A gold claim's structured fields as Workspace.add_claim takes them ('source' is attributed_to)."""
    fields = {k: item[k] for k in GOLD_FIELDS if k in item}
    if "source" in item:
        fields["attributed_to"] = item["source"]
    return fields


def load_event(ws) -> dict[tuple[str, str], int]:
    """Import the three articles with outlet and date and add every gold claim exactly as annotated.
    Returns (article file, claim text) -> claim id."""
    ids: dict[tuple[str, str], int] = {}
    for spec in expectations()["articles"]:
        summary = ws.import_file(SEEDS / spec["file"])
        ws.set_article_details(summary.id, publisher=spec["publisher"], published=spec["published"],
                               source_url=spec.get("source_url"))
        gold = json.loads((SEEDS / spec["file"].replace(".txt", ".gold.json")).read_text(encoding="utf-8"))
        for item in gold["claims"]:
            claim = ws.add_claim(summary.id, item["type"], quote=item["text"], occurrence=item.get("occurrence"),
                                 fields=gold_fields(item))
            key = (spec["file"], item["text"])
            assert key not in ids, f"two gold claims {key}: name them apart in the expectations"
            ids[key] = claim.id
    return ids


def claim_set(ids: dict, members: list[dict]) -> frozenset[int]:
    return frozenset(ids[(m["article"], m["text"])] for m in members)
