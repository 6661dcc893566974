"""Scoring the detector against a reference annotation (seeds/*.gold.json), per claim type.

A suggestion matches a reference claim when it has the same type and covers at least
half of the reference's span; a casualty must also have the same count and category.
Each reference and each suggestion is matched at most once (a maximum matching), so
two suggestions for one claim count one hit and one false alarm.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..importers import normalise_text
from .suggestion import Suggestion

TYPES = ("casualty", "statistic", "quote", "attribution")
MIN_OVERLAP = 0.5
TARGET_RECALL = 0.9
TARGET_PRECISION = 0.8


@dataclass(frozen=True)
class Reference:
    """One claim of a reference annotation, placed in the article's text."""

    type: str
    start: int
    end: int
    text: str
    fields: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class TypeScore:
    type: str
    references: int
    suggestions: int
    matched: int
    missed: tuple[Reference, ...] = ()
    false_alarms: tuple[Suggestion, ...] = ()

    @property
    def precision(self) -> float:
        """Share of suggestions that match a reference (1.0 when nothing was suggested)."""
        return self.matched / self.suggestions if self.suggestions else 1.0

    @property
    def recall(self) -> float:
        """Share of references found (1.0 when the reference has none of this type)."""
        return self.matched / self.references if self.references else 1.0

    @property
    def meets_targets(self) -> bool:
        return self.recall >= TARGET_RECALL and self.precision >= TARGET_PRECISION


def load_gold(path: str | Path) -> tuple[str, list[Reference]]:
    """The article text (normalised as on import) and its reference claims, from a gold file."""
    path = Path(path)
    gold = json.loads(path.read_text(encoding="utf-8"))
    article = path.parent / gold["article"]
    text = normalise_text(article.read_text(encoding="utf-8"))
    refs: list[Reference] = []
    for item in gold["claims"]:
        quote = item["text"]
        occurrence = int(item.get("occurrence", 1))
        pos = -1
        for _ in range(occurrence):
            pos = text.find(quote, pos + 1)
            if pos < 0:
                raise ValueError(f"{path.name}: {quote!r} (occurrence {occurrence}) is not in {article.name}")
        fields = {k: v for k, v in item.items() if k not in ("type", "text", "occurrence")}
        refs.append(Reference(item["type"], pos, pos + len(quote), quote, fields))
    return text, refs


def matches(suggestion: Suggestion, reference: Reference) -> bool:
    if suggestion.type != reference.type:
        return False
    overlap = min(suggestion.end, reference.end) - max(suggestion.start, reference.start)
    if overlap < MIN_OVERLAP * (reference.end - reference.start):
        return False
    if reference.type == "casualty":
        return (suggestion.fields.get("count") == reference.fields.get("count")
                and suggestion.fields.get("category") == reference.fields.get("category"))
    return True


def _maximum_matching(edges: dict[int, list[int]]) -> dict[int, int]:
    """Kuhn's augmenting paths: reference index -> suggestion index."""
    owner: dict[int, int] = {}

    def augment(r: int, seen: set[int]) -> bool:
        for s in edges.get(r, ()):
            if s in seen:
                continue
            seen.add(s)
            if s not in owner or augment(owner[s], seen):
                owner[s] = r
                return True
        return False

    for r in edges:
        augment(r, set())
    return {r: s for s, r in owner.items()}


def score(suggestions: list[Suggestion], references: list[Reference],
          types: tuple[str, ...] = TYPES) -> dict[str, TypeScore]:
    """Precision and recall per type."""
    out: dict[str, TypeScore] = {}
    for t in types:
        refs = [r for r in references if r.type == t]
        sugs = [s for s in suggestions if s.type == t]
        edges = {i: [j for j, s in enumerate(sugs) if matches(s, r)] for i, r in enumerate(refs)}
        pairs = _maximum_matching(edges)
        used = set(pairs.values())
        out[t] = TypeScore(t, len(refs), len(sugs), len(pairs),
                           missed=tuple(r for i, r in enumerate(refs) if i not in pairs),
                           false_alarms=tuple(s for j, s in enumerate(sugs) if j not in used))
    return out


def evaluate_file(path: str | Path) -> dict[str, TypeScore]:
    """Run the detector on a gold file's article and score it."""
    from . import suggest

    text, refs = load_gold(path)
    return score(suggest(text), refs)
