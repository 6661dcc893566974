"""Saved web pages: the article without the site around it; paragraphs and headings as breaks."""
from __future__ import annotations

import pytest

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importers import import_bytes, import_path
from desktop_app.core.importers.html import decode_html, merge, with_headline

from .conftest import FIXTURES, claims

CHROME = {
    "article-news.html": ["cookies", "Accept all", "Advertisement", "Refinance", "Politics", "Read also",
                          "Houthis", "Comments", "realist42", "Follow the money", "Newsletter", "Imprint",
                          "Share", "Topics", "Middle East"],
    "article-blog.html": ["Recent posts", "buy me a coffee", "Tags", "Posted on", "Filed under", "thoughts on",
                          "Great summary", "Leave a Reply", "Powered by"],
    "article-magazine.html": ["WORLD DESK", "Front page", "Log in", "cookies", "MORE FROM", "ceasefire",
                              "Most read", "Sponsored", "Advertise with us"],
}


@pytest.mark.parametrize("name", list(CHROME))
def test_site_chrome_is_left_out_and_every_claim_kept(name):
    text = import_path(FIXTURES / name).text
    leaked = [c for c in CHROME[name] if c in text]
    assert leaked == []
    assert [c for c in claims() if c not in text] == []


def test_headings_and_paragraphs_are_paragraph_breaks():
    paragraphs = import_path(FIXTURES / "article-news.html").text.split("\n\n")
    assert "More than 100 attacks recorded" in paragraphs
    assert paragraphs[0] == "USA attacks pro-Iranian militias in Iraq"
    assert paragraphs[1].startswith("Three soldiers are injured") and paragraphs[1].endswith("in the region.")


def test_the_magazine_page_metadata_comes_from_og_tags():
    article = import_path(FIXTURES / "article-magazine.html")
    assert article.publisher == "World Desk Magazine"
    assert article.title == "USA attacks pro-Iranian militias in Iraq"
    assert article.source_url is None


def test_the_headline_is_prepended_once():
    assert with_headline(["Body."], "Head line") == ["Head line", "Body."]
    assert with_headline(["Head  line", "Body."], "Head line") == ["Head  line", "Body."]
    assert with_headline(["Body."], "") == ["Body."]


def test_merge_fills_recall_inside_the_precise_stretch_from_the_headline():
    precise = ["Para one.", "Para two."]
    recall = ["Menu", "Headline", "Dateline", "Lead.", "Para one.", "Ad.", "Para two.", "Most read"]
    assert merge(precise, recall, "Headline") == ["Headline", "Dateline", "Lead.", "Para one.", "Ad.", "Para two."]
    assert merge(precise, ["Other"], "Headline") == precise
    assert merge([], recall, "Headline") == recall


def test_meta_charset_decodes_a_legacy_page():
    page = ('<html><head><meta charset="windows-1252"><title>Ger\u00e4t</title></head><body><article>'
            '<h1>Ger\u00e4t</h1><p>\u201cQuoted\u201d words in the first paragraph of this page, long enough.</p>'
            '<p>And a second paragraph so that the extractor takes it as the main text of the page.</p>'
            '</article></body></html>').encode("cp1252")
    assert "\u201cQuoted\u201d" in import_bytes(page, "p.html").text
    assert decode_html("<p>é</p>".encode("latin-1"), "iso-8859-1") == "<p>é</p>"


def test_tables_and_lists_in_the_article_become_text_rows():
    page = ("<html><head><title>Figures</title></head><body><article><h1>Figures</h1>"
            "<p>The ministry published the following figures for the week, by province and category.</p>"
            "<table><tr><th>Province</th><th>Killed</th></tr><tr><td>Babylon</td><td>1</td></tr></table>"
            "<ul><li>Erbil: three injured</li><li>Wassit: no casualties</li></ul>"
            "<p>The figures could not be verified independently by this newspaper at the time of writing.</p>"
            "</article></body></html>").encode()
    paragraphs = import_bytes(page, "p.html").text.split("\n\n")
    assert "Babylon | 1" in "\n".join(paragraphs)
    assert "Erbil: three injured" in paragraphs


def test_a_page_with_no_article_text_is_refused():
    with pytest.raises(ImportFailed, match="No article text"):
        import_bytes(b"<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
                     "p.html")


def test_a_page_with_more_elements_than_an_article_is_refused_before_extraction(monkeypatch):
    from desktop_app.core.importers import ImportLimits, html

    calls = []
    monkeypatch.setattr(html, "extract", lambda *a, **k: calls.append(1))

    page = b"<html><body><article>" + b"<p>The same paragraph, again and again.</p>" * 40_000 + b"</article></body></html>"
    with pytest.raises(ImportFailed, match="40,00[0-9] elements"):
        import_bytes(page, "p.html")
    assert calls == []  # the extractor's time grows faster than the page: it never saw this one
    monkeypatch.undo()
    assert import_bytes(page[:4000] + b"</article></body></html>", "p.html",
                        limits=ImportLimits(max_html_elements=1000)).text
