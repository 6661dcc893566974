"""Statistics: counted things that are not casualties."""
from __future__ import annotations

import pytest

from desktop_app.core.detect import suggest


def statistics(text: str, language: str | None = None):
    return [(s.text, s.fields) for s in suggest(text, language) if s.type == "statistic"]


@pytest.mark.parametrize("text, claim, count, qualifier, category", [
    ("The US military has registered more than 100 such attacks since mid-October.",
     "more than 100 such attacks since mid-October", 100, "more than", "attacks"),
    ("Around 2,500 US soldiers are stationed in Iraq and 900 in Syria.",
     "Around 2,500 US soldiers are stationed in Iraq and 900 in Syria", 2500, "about", "US soldiers"),
    ("The US has roughly 2,500 troops in Iraq and about 900 in neighbouring Syria on a mission to advise.",
     "roughly 2,500 troops in Iraq and about 900 in neighbouring Syria", 2500, "about", "troops"),
    ("US forces carried out attacks on three facilities used by the militia.", "attacks on three facilities", 3,
     "exact", "facilities"),
    ("It says it shot down 23 of the 31 drones launched overnight.", "23 of the 31 drones launched overnight", 23,
     "exact", "drones"),
    ("Rund 1000 Kämpfer der Gruppe Wagner sollen im Land sein.", "Rund 1000 Kämpfer der Gruppe Wagner", 1000, "about",
     "Kämpfer"),
])
def test_counted_things(text, claim, count, qualifier, category):
    assert (claim, {"count": count, "qualifier": qualifier, "category": category}) in statistics(text)


def test_a_casualty_figure_is_not_also_a_statistic():
    assert statistics("Three soldiers were injured in the attack.") == []


@pytest.mark.parametrize("text", ["The talks lasted three days.", "It happened one day in May.",
                                  "He spoke for 20 minutes.", "Prices rose by 40 percent."])
def test_durations_measures_and_one_are_not_statistics(text):
    assert statistics(text, "en") == []
