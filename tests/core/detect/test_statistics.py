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
     "has roughly 2,500 troops in Iraq and about 900 in neighbouring Syria", 2500, "about", "troops"),
    ("US forces carried out attacks on three facilities used by the militia.", "attacks on three facilities", 3,
     "exact", "facilities"),
    ("It says it shot down 23 of the 31 drones launched overnight.", "shot down 23 of the 31 drones launched overnight",
     23, "exact", "drones"),
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


@pytest.mark.parametrize("text, claim, count, qualifier, category", [
    # The verb whose object the count is belongs to the claim, as analysts mark it.
    ("They opened fire on three vehicles.", "opened fire on three vehicles", 3, "exact", "vehicles"),
    ("Partners distributed hot meals to 4,200 people.", "distributed hot meals to 4,200 people", 4200, "exact",
     "people"),
    ("The centre has 40 beds.", "has 40 beds", 40, "exact", "beds"),
    # ... but a reporting verb does not: what was said is the claim.
    ("A spokesman said three aid trucks had been looted.", "three aid trucks had been looted", 3, "exact",
     "aid trucks"),
    # Partitives name the things counted after a determiner.
    ("The military has counted over 100 of these attacks since October.",
     "over 100 of these attacks since October", 100, "more than", "attacks"),
    ("She says about 40 of her colleagues spent the night in the basement.",
     "about 40 of her colleagues spent the night in the basement", 40, "about", "colleagues"),
    ("The gunmen, numbering about 20, blocked the road.", "The gunmen, numbering about 20", 20, "about", "gunmen"),
])
def test_the_verb_the_partitive_and_numbering(text, claim, count, qualifier, category):
    assert (claim, {"count": count, "qualifier": qualifier, "category": category}) in statistics(text, "en")


def test_a_collective_noun_before_the_figure_is_its_own_claim_not_the_tail_of_the_one_before():
    found = statistics("The centre has 40 beds for a catchment population of more than 60,000 people.", "en")
    assert [t for t, _ in found] == ["has 40 beds", "a catchment population of more than 60,000 people"]


def test_sources_counted_before_their_verb_are_no_statistic():
    assert statistics("Two officials said the road was closed.", "en") == []


def test_a_month_that_ends_a_sentence_does_not_make_the_next_figure_a_date():
    found = statistics("Meals were served on 11 and 12 March. Two mobile clinics have been deployed.", "en")
    assert ("Two mobile clinics have been deployed", {"count": 2, "qualifier": "exact",
                                                      "category": "mobile clinics"}) in found


@pytest.mark.parametrize("text, claim, count", [
    ("The city has been hit more than 150 times since spring.", "hit more than 150 times", 150),
    ("He made the journey three times.", "made the journey three times", 3),
    ("Djibo, a town of 300,000, has been cut off.", "a town of 300,000", 300000),
    ("Dozens of trucks were set on fire.", "Dozens of trucks were set on fire", 24),
    ("About 2,600 tonnes of food reached the town.", "About 2,600 tonnes of food reached the town", 2600),
])
def test_how_often_a_place_of_how_many_and_tonnes(text, claim, count):
    assert claim in [c for c, _ in statistics(text, "en")]
    assert dict(statistics(text, "en"))[claim]["count"] == count


@pytest.mark.parametrize("text", [
    "The new shells are three times as powerful.",
    "Two relatives told the Ledger that the road was mined.",
    "Only 11 arrived.",
])
def test_comparisons_sources_and_a_lone_verb_are_not_counted_things(text):
    assert statistics(text, "en") == []


@pytest.mark.parametrize("text, claim, count", [
    ("The district is home to nearly 2.5 lakh people.", "nearly 2.5 lakh people", 250_000),
    ("The scheme cost 3 crore rupees.", "3 crore rupees", 30_000_000),
    ("The hospital had just 60 beds.", "had just 60 beds", 60),
    ("Only 46 trucks carrying food and medicine entered the Strip on Monday.",
     "46 trucks carrying food and medicine entered the Strip", 46),
])
def test_lakh_adverbs_before_the_count_and_two_nouns_counted(text, claim, count):
    assert dict(statistics(text, "en"))[claim]["count"] == count


def test_a_set_already_named_is_not_counted_again():
    assert statistics("Clinics were hit in the two regions.", "en") == []
    assert [c for c, _ in statistics("Of the 38 aid convoys, 11 arrived.", "en")] == ["38 aid convoys"]


@pytest.mark.parametrize("text, claim, count", [
    ("Die Luftwaffe meldete den Abschuss von 47 Drohnen.", "Abschuss von 47 Drohnen", 47),
    ("Zudem hiess es, zwei Marschflugkörper seien abgeschossen worden.",
     "zwei Marschflugkörper seien abgeschossen worden", 2),
])
def test_german_counts_named_by_an_event_and_with_their_passive_verb(text, claim, count):
    assert dict(statistics(text, "de"))[claim]["count"] == count


def test_a_german_compound_split_over_und_is_one_thing_counted():
    assert dict(statistics("Acled zählte 212 Luft- und Drohnenangriffe.", "de"))["212 Luft- und Drohnenangriffe"][
        "count"] == 212


def test_german_things_counted_together():
    found = dict(statistics("Die Feuerwehr habe 63 Gäste und Angestellte aus dem Gebäude gerettet.", "de"))
    assert [f["count"] for c, f in found.items() if c.startswith("63 Gäste und Angestellte")] == [63]


def test_labelled_figures_in_a_list():
    found = dict(statistics("Key figures\n- Battles: 71 (up from 59)\n- Violence against civilians: 52\n", "en"))
    assert found["Battles: 71"]["count"] == 71 and found["Violence against civilians: 52"]["count"] == 52


def test_sources_cited_by_an_agency_are_not_counted_things():
    assert statistics("Two security sources cited by AFP said the road was closed.", "en") == []


def test_a_part_of_a_whole_named_with_a_possessive():
    found = dict(statistics("Drones damaged 11 of the region's 18 power stations.", "en"))
    assert found["damaged 11 of the region's 18 power stations"]["count"] == 11


@pytest.mark.parametrize("text, language, claim", [
    ("Seven houses, a school and a power line were damaged.", "en",
     "Seven houses, a school and a power line were damaged"),
    ("They delivered 20 tonnes of rice, cooking oil, tarpaulins and hygiene kits.", "en",
     "delivered 20 tonnes of rice, cooking oil, tarpaulins and hygiene kits"),  # with the verb that counts them
    ("Sie zählten mindestens 60 Angriffe auf Busse, Krankenwagen und Fahrzeuge von Helfern.", "de",
     "mindestens 60 Angriffe auf Busse, Krankenwagen und Fahrzeuge von Helfern"),
])
def test_things_listed_after_the_first_belong_to_the_count(text, language, claim):
    assert [t for t, _ in statistics(text, language)] == [claim]


@pytest.mark.parametrize("text, claims", [
    ("They counted 40 trucks, officials and residents said.", ["40 trucks"]),  # a clause follows, not a list
    ("They counted 40 trucks, two ambulances and 12 buses.", ["40 trucks", "two ambulances", "12 buses"]),
])
def test_a_list_stops_at_a_clause_and_each_count_stays_its_own(text, claims):
    assert [t for t, _ in statistics(text, "en")] == claims
