"""The claim table model: filter, sort and single-row updates over plain records."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

from PySide6.QtCore import Qt

from desktop_app.core.records import ClaimRecord
from desktop_app.ui.claim_table import CLAIM_ID_ROLE, STATUS, TEXT, ClaimTableModel
from desktop_app.ui.present import ClaimFilter

TYPES = ("casualty", "attribution", "quote", "statistic", "event", "other")
STATUSES = ("unverified", "verified", "disputed", "false", "unverifiable")
NOW = datetime(2024, 1, 1, tzinfo=timezone.utc)


def make(n: int) -> list[ClaimRecord]:
    return [ClaimRecord(id=i + 1, article_id=1, start=i * 10, end=i * 10 + 5, text=f"claim {i} soldiers" if i % 7 == 0
                        else f"claim {i}", prefix="", suffix="", type=TYPES[i % 6], status=STATUSES[i % 5],
                        note="", version=1, anchor="exact", all_fields={}, analyst="a", created_at=NOW,
                        updated_at=NOW, updated_by="a") for i in range(n)]


def ids(model):
    return [model.data(model.index(r, 0), CLAIM_ID_ROLE) for r in range(model.rowCount())]


def test_filters_at_100000_claims_touch_only_plain_records(qapp):
    model = ClaimTableModel()
    claims = make(100_000)
    model.set_claims(claims)
    assert model.rowCount() == 100_000
    model.set_filter(ClaimFilter(types=frozenset({"quote"}), statuses=frozenset({"false"})))
    expected = [c.id for c in claims if c.type == "quote" and c.status == "false"]
    assert ids(model) == expected
    model.set_filter(ClaimFilter(text="SOLDIERS"))
    assert model.rowCount() == len([c for c in claims if "soldiers" in c.text])


def test_a_verdict_change_updates_one_row_without_resetting(qapp):
    model = ClaimTableModel()
    claims = make(50)
    model.set_claims(claims)
    resets, changed = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda a, b: changed.append((a.row(), b.row())))
    model.upsert(replace(claims[10], status="verified", version=2))
    assert resets == [] and changed == [(10, 10)]
    assert model.index(10, STATUS).data() == "Verified"


def test_insert_remove_and_a_filtered_out_change(qapp):
    model = ClaimTableModel()
    claims = make(20)
    model.set_claims(claims)
    model.set_filter(ClaimFilter(statuses=frozenset({"unverified"})))
    assert ids(model) == [1, 6, 11, 16]
    model.upsert(replace(claims[5], status="false"))  # leaves the filter
    assert ids(model) == [1, 11, 16]
    new = replace(claims[0], id=99, start=55, end=60)
    model.upsert(new)
    assert ids(model) == [1, 99, 11, 16]  # in text order
    model.remove(11)
    assert ids(model) == [1, 99, 16] and model.total() == 20
    assert model.row_of(16) == 2 and model.row_of(2) == -1


def test_sorting_by_verdict_and_back_to_text_order(qapp):
    model = ClaimTableModel()
    model.set_claims(make(10))
    model.sort(STATUS, Qt.SortOrder.AscendingOrder)
    statuses = [model.index(r, STATUS).data() for r in range(10)]
    assert statuses == sorted(statuses, key=str.lower)
    model.sort(TEXT, Qt.SortOrder.AscendingOrder)
    assert ids(model) == list(range(1, 11))


def test_replace_all_applies_only_the_difference(qapp):
    model = ClaimTableModel()
    claims = make(10)
    model.set_claims(claims)
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    assert model.replace_all(claims) is False
    fresh = claims[:3] + [replace(claims[3], status="false", version=2)] + claims[5:]
    assert model.replace_all(fresh) is True
    assert resets == [] and model.total() == 9 and model.claim(4).status == "false" and model.claim(5) is None
