"""The claim table at 100,000 claims: filtering by text, type and verdict as the analyst types.

Baseline, measured in the same run: the usual Qt way, a QSortFilterProxyModel whose
Python filterAcceptsRow() reads each row through the model. Ours filters the plain
records in one pass (present.filter_claims) and resets the model once.
ratio = baseline time / our time (higher is better); goal: at least 5x faster, and
every filter under 100 ms at 100,000 claims (in the details).
"""
from __future__ import annotations

import os
import sys
import time
from datetime import datetime, timezone

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

GOAL = 5.0
TYPES = ("casualty", "attribution", "quote", "statistic", "event", "other")
STATUSES = ("unverified", "verified", "disputed", "false", "unverifiable")


def _claims(n: int):
    from desktop_app.core.records import ClaimRecord

    now = datetime(2024, 1, 1, tzinfo=timezone.utc)
    return [ClaimRecord(id=i + 1, article_id=1, start=i * 10, end=i * 10 + 8,
                        text=f"claim {i} " + ("three soldiers injured" if i % 13 == 0 else "attacks recorded"),
                        prefix="", suffix="", type=TYPES[i % 6], status=STATUSES[i % 5],
                        note="check with MoI" if i % 17 == 0 else "", version=1, anchor="exact", all_fields={},
                        analyst="a", created_at=now, updated_at=now, updated_by="a") for i in range(n)]


def _refilter(proxy) -> None:
    """Re-run the proxy's filter (the API for it moved in Qt 6.9)."""
    if hasattr(proxy, "beginFilterChange"):
        proxy.beginFilterChange()
        proxy.endFilterChange()
    else:
        proxy.invalidateRowsFilter()


def _label(f) -> str:
    parts = [f"types={sorted(f.types)}" if f.types else "", f"statuses={sorted(f.statuses)}" if f.statuses else "",
             f"text={f.text!r}" if f.text else ""]
    return " ".join(p for p in parts if p) or "everything"


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def run(quick: bool = False) -> dict:
    from PySide6.QtCore import QSortFilterProxyModel, Qt
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.claim_table import CLAIM_ID_ROLE, ClaimTableModel
    from desktop_app.ui.present import ClaimFilter

    app = QApplication.instance() or QApplication([sys.argv[0]])
    n = 20_000 if quick else 100_000
    repeat = 2 if quick else 3
    claims = _claims(n)
    filters = [ClaimFilter(text="soldiers"), ClaimFilter(types=frozenset({"casualty"})),
               ClaimFilter(statuses=frozenset({"disputed"}), text="moi"), ClaimFilter()]

    ours = ClaimTableModel()
    load = _best(lambda: ours.set_claims(claims), repeat)

    def ours_all():
        for f in filters:
            ours.set_filter(f)
            ours.rowCount()
    per_filter = {}
    for f in filters:
        def one(f=f):
            ours.set_filter(ClaimFilter(text="\0"))  # force a change
            ours.set_filter(f)
        per_filter[_label(f)] = round(_best(one, repeat) * 1000, 1)
    mine = _best(ours_all, repeat)

    class Proxy(QSortFilterProxyModel):
        """The baseline: filter row by row through the model's data()."""

        current = ClaimFilter()

        def filterAcceptsRow(self, row, parent):  # noqa: N802 - Qt API
            f = self.current
            c = self.sourceModel().claim_at(row)
            if f.types is not None and c.type not in f.types:
                return False
            if f.statuses is not None and c.status not in f.statuses:
                return False
            needle = f.text.casefold()
            return not needle or needle in c.text.casefold() or needle in c.note.casefold()

    plain = ClaimTableModel()
    plain.set_claims(claims)
    proxy = Proxy()
    proxy.setSourceModel(plain)

    def baseline_all():
        for f in filters:
            proxy.current = f
            _refilter(proxy)
            proxy.rowCount()
    base = _best(baseline_all, repeat)

    # both give the same rows
    for f in filters:
        ours.set_filter(f)
        proxy.current = f
        _refilter(proxy)
        assert ours.rowCount() == proxy.rowCount(), f
        if ours.rowCount():
            assert ours.index(0, 0).data(CLAIM_ID_ROLE) == proxy.index(0, 0).data(CLAIM_ID_ROLE)

    from dataclasses import replace
    ours.set_filter(ClaimFilter())
    target = claims[n // 2]
    upsert = _best(lambda: ours.upsert(replace(target, status="verified", version=target.version + 1)), repeat)
    del app, Qt
    return {
        "name": "claim_table",
        "ratio": round(base / mine, 2),
        "goal": GOAL,
        "details": {
            "claims": n,
            "ours_4_filters_ms": round(mine * 1000, 1),
            "baseline_proxy_4_filters_ms": round(base * 1000, 1),
            "per_filter_ms": per_filter,
            "load_ms": round(load * 1000, 1),
            "verdict_change_ms": round(upsert * 1000, 2),
        },
    }


if __name__ == "__main__":
    result = run(quick="--quick" in sys.argv)
    print(f"BENCH {result['name']} ratio={result['ratio']} goal={result['goal']}")
    for key, value in result["details"].items():
        print(f"  {key}: {value}")
