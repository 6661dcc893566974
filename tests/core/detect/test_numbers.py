"""Figures as reporters write them, and what only looks like a count."""
from __future__ import annotations

import pytest

from desktop_app.core.detect.numbers import find_figures


def figures(text: str, language: str = "en"):
    return [(text[f.start:f.end], f.value, f.qualifier) for f in find_figures(text, language)]


@pytest.mark.parametrize("text, expected", [
    ("Three soldiers are injured", ("Three", 3, "exact")),
    ("Another 24 were injured", ("Another 24", 24, "exact")),
    ("Around 2,500 US soldiers", ("Around 2,500", 2500, "about")),
    ("a dozen people were hurt", ("a dozen", 12, "exact")),
    ("at least one member", ("at least one", 1, "at least")),
    ("More than 100 attacks", ("More than 100", 100, "more than")),
    ("up to 12 people are missing", ("up to 12", 12, "up to")),
    ("wounding dozens more", ("dozens", 24, "dozens")),
    ("killed tens of thousands of people", ("tens of thousands", 20000, "tens of thousands")),
    ("more than 10 million people", ("more than 10 million", 10_000_000, "more than")),
    ("Thirty-seven people are being treated", ("Thirty-seven", 37, "exact")),
    ("two hundred and fifty troops", ("two hundred and fifty", 250, "exact")),
    ("between 10 and 15 people", ("between 10 and 15", 10, "between 10 and 15")),
    ("10-15 people", ("10-15", 10, "between 10 and 15")),
    ("nearly 150 attacks", ("nearly 150", 150, "about")),
])
def test_english_counts_with_their_qualifier(text, expected):
    assert figures(text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    ("Rund 350.000 Menschen", ("Rund 350.000", 350000, "about")),
    ("mindestens sieben Dorfbewohner", ("mindestens sieben", 7, "at least")),
    ("mehr als 40 Soldaten", ("mehr als 40", 40, "more than")),
    ("dreiundzwanzig Menschen", ("dreiundzwanzig", 23, "exact")),
    ("Dutzende Terroristen", ("Dutzende", 24, "dozens")),
    ("2,5 Millionen Menschen", ("2,5 Millionen", 2_500_000, "exact")),
    ("bis zu 12 Vermisste", ("bis zu 12", 12, "up to")),
])
def test_german_counts_with_their_qualifier(text, expected):
    assert figures(text, "de")[0] == expected


@pytest.mark.parametrize("text", [
    "Since the start of the war on 7 October, nothing",
    "PORT SUDAN, Feb 11 (Meridian Wire) - nothing",
    "at about 07:40 local time",
    "Iryna, 54, who lives next door",
    "lies about 30km from the border",
    "a nine-storey apartment block",
    "In 2023, the army withdrew",
    "40% of the city",
    "at a cost of $5 million",
    "no one was hurt",
])
def test_what_only_looks_like_a_count(text):
    assert figures(text) == []


@pytest.mark.parametrize("text", ["am 7. Oktober begannen die Gefechte", "Der Konflikt hatte 2012 mit einem Aufstand",
                                  "Ein Dorfvorsteher sagte", "Der Einsatz dauerte an"])
def test_german_dates_years_and_articles_are_no_counts(text):
    assert figures(text, "de") == []


def test_a_year_that_counts_things_is_a_count():
    assert figures("2000 soldiers were sent") == [("2000", 2000, "exact")]


def test_one_is_a_count_only_where_a_category_word_makes_it_a_claim():
    from desktop_app.core.detect import suggest

    assert suggest("That was one of the reasons for the delay.") == []
    (claim,) = [s for s in suggest("A spokesman said one of its commanders was among the dead.") if s.type == "casualty"]
    assert claim.text == "one of its commanders was among the dead"
    assert claim.fields == {"count": 1, "qualifier": "exact", "category": "killed", "who": "commanders"}


@pytest.mark.parametrize("text, expected", [
    ("sources said that one militia fighter was killed", [("one", 1, "exact")]),
    ("the one who came back", []),
    ("meals on 11 and 12 March. Two mobile clinics", [("11", 11, "exact"), ("Two", 2, "exact")]),
    ("on March 12 two clinics opened", [("two", 2, "exact")]),
])
def test_one_after_a_determiner_and_a_month_before_a_full_stop(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", [
    "The survey ran from 4–19 May 2023 in all camps.",
    "Talks were held between 2 and 5 March in Geneva.",
    "Die Messe fand vom 10. bis 14 Juni statt.",
    "Between 8 and 11 Sept. the roads were closed.",
])
def test_a_range_of_days_before_a_month_is_no_count(text):
    assert [t for t in find_figures(text, "de" if "Messe" in text else "en") if t.value in (2, 4, 8, 10)] == []


def test_a_range_before_another_word_stays_a_count():
    (fig,) = find_figures("Between 8 and 12 trucks arrived.")
    assert (fig.value, fig.qualifier) == (8, "between 8 and 12")


@pytest.mark.parametrize("text, language, value", [
    ("Mehr als 86 000 Menschen", "de", 86_000),
    ("rund 3 900 000 Vertriebene", "de", 3_900_000),
    ("some 180\u202f000 people", "en", 180_000),
    ("nearly 2.5 lakh people", "en", 250_000),
])
def test_digits_grouped_by_spaces_and_lakh(text, language, value):
    assert [f.value for f in find_figures(text, language)] == [value]


def test_a_year_then_a_count_is_not_one_number():
    assert [f.value for f in find_figures("Seit 2023 100 Angriffe", "de")] == [100]  # the year is no count


def test_the_swiss_thousands_mark():
    assert [f.value for f in find_figures("Über 600'000 Menschen", "de")] == [600_000]


def test_a_german_number_word_with_its_scale():
    assert [f.value for f in find_figures("Knapp vier Millionen von ihnen sind geflohen", "de")] == [4_000_000]


@pytest.mark.parametrize("text, language, value", [
    ("Some 1.128.340 people were displaced", "en", 1_128_340),  # grouped the German way in an English text
    ("Es wurden 1,128,340 Menschen vertrieben", "de", 1_128_340),  # a quoted English figure, or a wrong guess
])
def test_two_marks_of_one_kind_group_thousands_in_either_language(text, language, value):
    assert [f.value for f in find_figures(text, language)] == [value]

