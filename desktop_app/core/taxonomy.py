"""The claim taxonomy (type and verdict names, labels, colours, shortcuts) from resources/taxonomy.json.

One file so the article view, the legend and the Word briefing agree on colours,
and a desk can restyle its taxonomy without touching code.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .vocabulary import ClaimStatus, ClaimType


@dataclass(frozen=True)
class Term:
    name: str
    label: str
    colour: str  # "#rrggbb"
    shortcut: str
    word_highlight: str | None = None  # a WD_COLOR_INDEX name, for statuses


def resource_path(name: str) -> Path:
    """A file from the top-level resources/ folder, installed as the `claimdesk_resources` package.

    The package is plain files on disk (the app reads them by path), so its folder is found
    from the package itself, without importlib.resources (2 ms at every start).
    """
    import claimdesk_resources

    return Path(claimdesk_resources.__file__).parent / name


@cache
def _load() -> dict:
    return json.loads(resource_path("taxonomy.json").read_text(encoding="utf-8"))


@cache
def types() -> dict[str, Term]:
    out = {t["name"]: Term(t["name"], t["label"], t["colour"], t["shortcut"]) for t in _load()["types"]}
    missing = {t.value for t in ClaimType} - set(out)
    if missing:
        raise RuntimeError(f"resources/taxonomy.json lacks claim types {sorted(missing)}")
    return out


@cache
def statuses() -> dict[str, Term]:
    out = {s["name"]: Term(s["name"], s["label"], s["colour"], s["shortcut"], s.get("word_highlight"))
           for s in _load()["statuses"]}
    missing = {s.value for s in ClaimStatus} - set(out)
    if missing:
        raise RuntimeError(f"resources/taxonomy.json lacks statuses {sorted(missing)}")
    return out
