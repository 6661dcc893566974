"""A claim as a report: its outlet, date, and whom its article attributes it to."""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from desktop_app.core.groups.reports import article_reports, attributed_source, outlet_of, published_date

TEXT = ("Lead: three soldiers were injured.\n\n"
        "According to the US, three US soldiers were injured, one of them seriously. Austin spoke later.\n\n"
        "Iraqi security sources reported that at least one fighter had been killed. Another 24 were injured. "
        "A representative of the Interior Ministry said that Hilla was hit.\n\n"
        "Four were wounded, a Pentagon official said, and according to Kurdish officials, six were missing.")


def span(text, occurrence=1, source=TEXT):
    pos = -1
    for _ in range(occurrence):
        pos = source.index(text, pos + 1)
    return pos, pos + len(text)


ATTRIBUTIONS = [(*span("According to the US"), "the US"),
                (*span("Iraqi security sources reported"), "Iraqi security sources"),
                (*span("A representative of the Interior Ministry said"), "Interior Ministry"),
                (*span("a Pentagon official said"), "Pentagon official"),
                (*span("according to Kurdish officials"), "Kurdish officials")]


@pytest.mark.parametrize("claim, source", [
    ("three US soldiers were injured, one of them seriously", "the US"),      # same sentence, before
    ("at least one fighter had been killed", "Iraqi security sources"),     # same sentence
    ("Another 24 were injured", "Iraqi security sources"),                  # earlier in the paragraph
    ("three soldiers were injured", None),                                  # no attribution in its paragraph
    ("Four were wounded", "Pentagon official"),                             # same sentence, after; nearest wins
    ("six were missing", "Kurdish officials"),
])
def test_a_figure_is_attributed_by_its_sentence_then_its_paragraph(claim, source):
    assert attributed_source(TEXT, *span(claim), ATTRIBUTIONS) == source


def test_an_attribution_later_in_the_paragraph_does_not_reach_back():
    text = "Three were injured. The ministry said more later."
    attributions = [(*span("The ministry said", source=text), "ministry")]
    assert attributed_source(text, *span("Three were injured", source=text), attributions) is None


@pytest.mark.parametrize("publisher, url, outlet", [
    ("Reuters", "https://www.reuters.com/x", "Reuters"),
    (None, "https://www.n-tv.de/politik/x.html", "n-tv.de"),
    ("  ", "https://apnews.com/a", "apnews.com"),
    (None, None, None),
])
def test_the_outlet_is_the_publisher_else_the_web_site(publisher, url, outlet):
    assert outlet_of(publisher, url) == outlet


def test_published_dates_are_read_from_iso_text():
    assert published_date("2023-12-26") == date(2023, 12, 26)
    assert published_date("2023-12-26T08:15:00+01:00") == date(2023, 12, 26)
    assert published_date("26 Dec 2023") is None
    assert published_date(None) is None


def test_article_reports_carry_outlet_date_source_and_context():
    claims = [SimpleNamespace(id=i + 1, start=s, end=e, text=TEXT[s:e], type=t, status="unverified",
                              all_fields={"count": n, "qualifier": None, "category": "injured", "who": "soldiers",
                                          "speaker": None, "attributed_to": who})
              for i, (s, e, t, n, who) in enumerate([
                  (*span("Another 24 were injured"), "casualty", 24, None),
                  (*span("Iraqi security sources reported"), "attribution", None, "Iraqi security sources")])]
    reports = article_reports(article_id=7, title="Strikes in Iraq", text=TEXT, publisher=None,
                              source_url="https://www.ntv.de/a", published="2023-12-26", claims=claims,
                              groups={1: 3})
    casualty, attribution = reports
    assert (casualty.outlet, casualty.published, casualty.source, casualty.group_id) == (
        "ntv.de", "2023-12-26", "Iraqi security sources", 3)
    assert casualty.where == "ntv.de, 2023-12-26"
    assert {"iraq", "hilla", "interior", "ministry"} <= casualty.context
    assert attribution.source == "Iraqi security sources" and attribution.group_id is None
