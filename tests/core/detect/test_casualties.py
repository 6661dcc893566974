"""Casualty figures: count, qualifier, category and who, in English and German."""
from __future__ import annotations

import pytest

from desktop_app.core.detect import suggest


def casualties(text: str, language: str | None = None):
    return [(s.text, s.fields) for s in suggest(text, language) if s.type == "casualty"]


def test_the_split_sentence_figure_stays_one_claim():
    found = casualties("According to the US, three US soldiers were injured, one of them seriously.")
    assert found == [("three US soldiers were injured, one of them seriously",
                      {"count": 3, "qualifier": "exact", "category": "injured", "who": "US soldiers"})]


def test_at_least_with_a_long_who():
    (only,) = casualties("Iraqi security sources reported that at least one member of a pro-Iranian group had been "
                         "killed in attacks.")
    assert only == ("at least one member of a pro-Iranian group had been killed",
                    {"count": 1, "qualifier": "at least", "category": "killed", "who": "member of a pro-Iranian group"})


def test_another_takes_the_who_of_the_figure_before():
    found = casualties("At least five fighters were killed. Another 24 were injured.")
    assert found[1] == ("Another 24 were injured",
                        {"count": 24, "qualifier": "exact", "category": "injured", "who": "fighters"})


@pytest.mark.parametrize("text, claim, count, qualifier, category", [
    ("that left three US soldiers injured", "three US soldiers injured", 3, "exact", "injured"),
    ("killing at least 17 civilians and wounding dozens more", "killing at least 17 civilians", 17, "at least", "killed"),
    ("Two drivers were still missing.", "Two drivers were still missing", 2, "exact", "missing"),
    ("Gunmen abducted 40 students from a school.", "abducted 40 students", 40, "exact", "abducted"),
    ("The fighting has displaced about 130,000 people.", "displaced about 130,000 people", 130000, "about", "displaced"),
    ("It has forced more than 10 million people from their homes.",
     "forced more than 10 million people from their homes", 10_000_000, "more than", "displaced"),
    ("The death toll rose to 7 on Wednesday.", "The death toll rose to 7", 7, "exact", "killed"),
    ("Two of the dead were children, he said.", "Two of the dead were children", 2, "exact", "killed"),
    ("43 people had been taken to the city's only hospital.", "43 people had been taken to the city's only hospital",
     43, "exact", "injured"),
    ("Between 10 and 15 people are still missing.", "Between 10 and 15 people are still missing", 10,
     "between 10 and 15", "missing"),
])
def test_english_patterns(text, claim, count, qualifier, category):
    (found,) = [c for c in casualties(text, "en") if c[0] == claim]
    assert (found[1]["count"], found[1]["qualifier"], found[1]["category"]) == (count, qualifier, category)


@pytest.mark.parametrize("text, claim, count, qualifier, category, who", [
    ("Bei dem Angriff sind mindestens 30 Menschen getötet worden.", "mindestens 30 Menschen getötet", 30,
     "at least", "killed", "Menschen"),
    ("Dabei wurden 14 weitere Menschen verletzt.", "14 weitere Menschen verletzt", 14, "exact", "injured", "Menschen"),
    ("Drei Soldaten wurden schwer verwundet.", "Drei Soldaten wurden schwer verwundet", 3, "exact", "injured", "Soldaten"),
    ("Mindestens 30 Tote bei Angriff auf Armeeposten", "Mindestens 30 Tote", 30, "at least", "killed", None),
    ("Die Angreifer verschleppten zudem mindestens sieben Dorfbewohner.",
     "verschleppten zudem mindestens sieben Dorfbewohner", 7, "at least", "abducted", "Dorfbewohner"),
    ("Rund 350.000 Menschen sind auf der Flucht.", "Rund 350.000 Menschen sind auf der Flucht", 350000, "about",
     "displaced", "Menschen"),
])
def test_german_patterns(text, claim, count, qualifier, category, who):
    (found,) = casualties(text, "de")
    assert found == (claim, {"count": count, "qualifier": qualifier, "category": category, "who": who})


def test_coordinated_german_figures_share_the_participle():
    found = casualties("Dabei wurden 21 Soldaten und neun Zivilisten getötet.", "de")
    assert [(t, f["count"], f["category"], f["who"]) for t, f in found] == [
        ("21 Soldaten", 21, "killed", "Soldaten"), ("neun Zivilisten getötet", 9, "killed", "Zivilisten")]


def test_partitive_tail_in_german_stays_in_the_claim():
    (found,) = casualties("Mindestens sieben Bewohner seien entführt worden, darunter zwei Frauen.", "de")
    assert found[0] == "Mindestens sieben Bewohner seien entführt worden, darunter zwei Frauen"
    assert found[1]["count"] == 7 and found[1]["category"] == "abducted"


@pytest.mark.parametrize("text", [
    "Around 2,500 US soldiers are stationed in Iraq and 900 in Syria.",
    "More than 100 attacks have been recorded since October.",
    "He documented at least 12 cases in which civilians were killed.",
    "The attack on three facilities used by the militia killed nobody.",
])
def test_counted_things_that_are_not_casualties(text):
    assert casualties(text, "en") == []


def test_the_partitive_tail_may_follow_a_place():
    (found,) = casualties("Four American soldiers were wounded in a drone attack on Erbil air base, two of them "
                          "seriously, officials said.")
    assert found[0] == "Four American soldiers were wounded in a drone attack on Erbil air base, two of them seriously"
    assert found[1]["count"] == 4 and found[1]["who"] == "American soldiers"
