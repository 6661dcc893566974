"""Reading who was hit, what was counted, who said it and where, from the words of claims."""
from __future__ import annotations

import pytest

from desktop_app.core.groups.words import (
    context_terms,
    counted_phrase,
    is_excerpt,
    noun_phrase,
    paragraph_span,
    quote_words,
    same_name,
    sentence_span,
)


@pytest.mark.parametrize("a, b, same", [
    ("US soldiers", "American soldiers", True),
    ("US soldiers", "US service members", True),
    ("US troops", "U.S. servicemen", True),
    ("US soldiers", "soldiers", True),                         # one side says less
    ("US soldiers", "Iraqi soldiers", False),                  # different sides of the war
    ("US soldiers", "members of pro-Iranian groups", False),
    ("member of a pro-Iranian group", "militia fighters", True),
    ("members of pro-Iranian groups", "Kataeb Hezbollah fighters", False),  # nothing in common but the head
    ("civilians", "soldiers", False),
    ("children", "child", True),
    ("people", "civilians", False),
])
def test_who_agrees(a, b, same):
    assert noun_phrase(a).agrees(noun_phrase(b)) is same
    assert noun_phrase(b).agrees(noun_phrase(a)) is same


def test_an_empty_who_agrees_with_nothing():
    assert not noun_phrase(None)
    assert not noun_phrase("").agrees(noun_phrase(""))
    assert not noun_phrase("the").agrees(noun_phrase("soldiers"))


@pytest.mark.parametrize("text, count, head, shown", [
    ("More than 100 attacks recorded", 100, "attack", "attacks"),
    ("more than 100 such attacks since mid-October", 100, "attack", "attacks"),
    ("over 100 of these attacks since mid-October", 100, "attack", "attacks"),
    ("Around 2,500 US soldiers are stationed in Iraq and 900 in Syria", 2500, "soldier", "US soldiers"),
    ("about 2,500 troops in Iraq and some 900 in neighbouring Syria", 2500, "soldier", "troops"),
    ("attacks on three facilities", 3, "facility", "facilities"),
    ("shot down five drones", 5, "drone", "drones"),
    ("no number here", None, "", ""),
])
def test_what_a_statistic_counts(text, count, head, shown):
    phrase, words_shown = counted_phrase(text, count)
    assert (phrase.head, words_shown) == (head, shown)


def test_the_counted_phrase_follows_the_claims_own_number():
    phrase, shown = counted_phrase("Around 2,500 US soldiers are stationed in Iraq and 900 in Syria", 900)
    assert shown == ""  # "900 in Syria": the counted thing is not named after this number
    assert counted_phrase("3 aid trucks and 5 drones", 5)[0].head == "drone"


@pytest.mark.parametrize("a, b, same", [
    ("the US", "US", True),
    ("the US", "US military", True),          # the vaguer name includes the precise one
    ("Austin", "Lloyd Austin", True),
    ("a Pentagon official", "the US", False),
    ("Kurdistan Region's Counter-Terrorism Directorate", "the US", False),
    ("Iraqi security sources", "Iraqi security sources", True),
    ("", "the US", False),
    (None, None, False),
])
def test_same_name(a, b, same):
    assert same_name(a, b) is same


def test_quote_words_ignore_case_punctuation_and_quote_marks():
    assert quote_words("\u201cThese precision strikes,\u201d") == quote_words("these precision strikes.")
    assert quote_words("") == []


def test_an_excerpt_is_a_run_of_consecutive_words():
    long = quote_words("we are determined and prepared to take further necessary measures")
    assert is_excerpt(quote_words("determined and prepared"), long)
    assert not is_excerpt(quote_words("determined prepared"), long)
    assert not is_excerpt([], long)
    assert not is_excerpt(long + ["more"], long)


TEXT = ("Heading line\n\nIraqi security sources reported that at least one member had been killed in attacks. "
        "Another 24 were injured. A representative said so.\n\nNext paragraph here.")


def test_sentence_and_paragraph_spans():
    start = TEXT.index("Another 24")
    s0, s1 = sentence_span(TEXT, start, start + len("Another 24 were injured"))
    assert TEXT[s0:s1].strip() == "Another 24 were injured."
    p0, p1 = paragraph_span(TEXT, start)
    assert TEXT[p0:p1].startswith("Iraqi security") and TEXT[p0:p1].endswith("said so.")
    assert TEXT[slice(*paragraph_span(TEXT, 0))] == "Heading line"


def test_context_terms_are_the_names_in_a_passage():
    terms = context_terms("Following an attack on a base in Erbil, the USA and American forces struck Iraq's "
                          "Kataeb Hezbollah on Monday. Since then Hamas...")
    assert terms == {"erbil", "us", "iraq", "kataeb", "hezbollah", "hamas"}
