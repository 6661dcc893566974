"""Finding claims of the sample article again after typical outlet edits (pairs of texts and expected places)."""
from __future__ import annotations

import json
import random
import re

import pytest
from rapidfuzz.distance import Levenshtein

from desktop_app.core.anchoring import How, MIN_QUOTE_SCORE, Selector, anchor, describe
from desktop_app.core.anchoring import match_quote
from desktop_app.core.anchoring.match_quote import context_fit, find_exact

from ...conftest import SAMPLE, SAMPLE_GOLD

TEXT = SAMPLE.read_text("utf-8").strip()
GOLD = [item["text"] for item in json.loads(SAMPLE_GOLD.read_text("utf-8"))["claims"]]


def selector(quote: str, text: str = TEXT) -> Selector:
    start = text.index(quote)
    return describe(text, start, start + len(quote))


@pytest.mark.parametrize("quote", GOLD)
@pytest.mark.parametrize("word", ["officials", "four", "2,700"])
def test_one_word_changed_anywhere_in_a_claim_gives_a_fuzzy_match_of_exactly_the_new_words(quote, word):
    """... unless the change is too big for the claim's length: then it is orphaned, not guessed."""
    sel = selector(quote)
    fuzzy = orphaned = 0
    for m in re.finditer(r"\w+", quote):
        changed = quote[:m.start()] + word + quote[m.end():]
        new = TEXT[:sel.start] + changed + TEXT[sel.end:]
        found = anchor(new, sel)
        if 1 - Levenshtein.distance(quote, changed) / len(quote) >= MIN_QUOTE_SCORE:
            assert (found.how, new[found.span[0]:found.span[1]]) == (How.fuzzy, changed)
            assert found.span[0] == sel.start and 0.7 <= found.score < 1.0
            fuzzy += 1
        else:
            assert found.how == How.orphaned
            orphaned += 1
    if len(quote) > 25:  # a word of at most 9 letters changed in a longer claim is always found
        assert orphaned == 0 and fuzzy > 0


@pytest.mark.parametrize("quote", GOLD)
def test_a_claim_whose_sentence_was_deleted_is_orphaned(quote):
    sel = selector(quote)
    sentences = [m.span() for m in re.finditer(r'[^.\n]+(\.|\n|$)"?\s*', TEXT)]
    hit = [(a, b) for a, b in sentences if a < sel.end and b > sel.start]
    new = TEXT[:hit[0][0]] + TEXT[hit[-1][1]:]
    assert anchor(new, sel).how == How.orphaned


def test_a_short_claim_rewritten_beyond_recognition_is_orphaned_not_misplaced():
    sel = selector("According to the US")
    new = TEXT.replace("According to the US", "According to the Pentagon")
    quote_score = 1 - 8 / len("According to the US")  # "US" -> "Pentagon" is 8 edits
    assert quote_score < MIN_QUOTE_SCORE and anchor(new, sel).how == How.orphaned


def test_a_paragraph_moved_to_the_end_carries_its_claims_with_it():
    paragraph = next(p for p in TEXT.split("\n\n") if "Another 24 were injured" in p)
    new = TEXT.replace(paragraph + "\n\n", "") + "\n\n" + paragraph
    for quote in ("Another 24 were injured", "Iraqi security sources reported"):
        found = anchor(new, selector(quote))
        assert found.how == How.moved and found.span[0] == new.index(quote)


def test_the_occurrence_whose_context_fits_wins_over_a_nearer_one():
    text = ("Reports came in overnight.\n\nIn Erbil three US soldiers were injured.\n\n"
            "In Baghdad three US soldiers were injured. More follows.")
    start = text.rindex("three US soldiers")
    sel = describe(text, start, start + len("three US soldiers"))
    new = ("Reports came in overnight.\n\nIn Baghdad three US soldiers were injured.\n\n"
           "In Erbil three US soldiers were injured. More follows.")
    found = anchor(new, sel)
    assert found.how == How.moved and found.span[0] == new.index("three US soldiers")
    # With equal context, the one nearer the expected place wins.
    twins = "x three y. " * 4
    sel = describe(twins, 13, 18)
    assert find_exact(twins, sel, hint=13) == (13, 1.0)
    assert find_exact(twins, Selector(13, 18, "three", "", ""), hint=35) == (35, 1.0)
    assert context_fit(twins, 13, 18, sel) == 1.0 > context_fit(twins, 2, 7, sel)


def test_an_edited_claim_far_from_its_old_place_in_a_long_article_is_found():
    rng = random.Random(1)
    words = TEXT.split()
    filler = " ".join(rng.choice(words) for _ in range(60_000))
    old = filler + "\n\n" + TEXT
    sel = selector("three US soldiers were injured, one of them seriously", old)
    new = TEXT.replace("were injured", "were wounded") + "\n\n" + filler  # moved ~370 KB and edited
    found = anchor(new, sel)
    assert found.how == How.fuzzy
    assert new[found.span[0]:found.span[1]] == "three US soldiers were wounded, one of them seriously"


def test_the_fuzzy_search_aligns_only_a_few_small_windows(monkeypatch):
    rng = random.Random(2)
    words = TEXT.split()
    filler = " ".join(rng.choice(words) for _ in range(150_000))  # about 1 MB
    old = filler + "\n\n" + TEXT
    quote = "three US soldiers were injured, one of them seriously"
    sel = selector(quote, old)
    new = filler + "\n\n" + TEXT.replace("were injured", "were hurt")
    windows = []
    real = match_quote.fuzz.partial_ratio_alignment

    def spy(a, b, *args, **kwargs):
        windows.append(len(b))
        return real(a, b, *args, **kwargs)

    monkeypatch.setattr(match_quote.fuzz, "partial_ratio_alignment", spy)
    found = anchor(new, sel)
    assert found.how == How.fuzzy and new[found.span[0]:found.span[1]] == quote.replace("injured", "hurt")
    assert 1 <= len(windows) <= 5 and max(windows) <= len(quote) + 2 * (len(quote) // 2 + 8)


def test_nothing_to_find_in_an_unrelated_text():
    assert anchor("The weather was fine all week in the north.", selector("Iraqi security sources reported")).how \
        == How.orphaned
    assert anchor("", selector("Iraqi security sources reported")).how == How.orphaned
    assert anchor(TEXT, Selector(0, 0, "", "", "")).how == How.orphaned


def test_a_deleted_claim_whose_words_recur_elsewhere_moves_there_but_is_marked_for_review():
    text = ("Erbil, Monday. According to the US, three soldiers were injured in Erbil. The army gave no names.\n\n"
            "Iraqi officials said the base was hit twice. According to the US, the drones came from Syria.")
    start = text.index("According to the US")
    sel = describe(text, start, start + len("According to the US"))
    new = text[text.index("The army"):]
    found = anchor(new, sel)
    assert found.how == How.moved and found.span[0] == new.index("According to the US")
    assert found.state == "fuzzy"
    # Where one side of its context survived, the claim is simply exact.
    kept = anchor("Update. " + text, sel)
    assert kept.how == How.moved and kept.state == "exact"
