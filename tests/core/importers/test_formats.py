"""The sample article read from every format yields the same body text, with its metadata.

What must match (see conftest.body): after collapsing whitespace, everything but the
headline and the trailing 'Read also:'/'Source:' lines; the headline is the title. Every
claim of the gold annotation must be in the text verbatim (not only after collapsing).
"""
from __future__ import annotations

import hashlib
from datetime import datetime, timezone

import pytest

from desktop_app.core.importers import import_bytes, import_path, import_url

from .conftest import FIXTURES, SAMPLE, Route, body, claims

TITLE = "USA attacks pro-Iranian militias in Iraq"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# file, media type, metadata that must be read from it
CASES = {
    "txt": (SAMPLE, "text/plain", {}),
    "html-news": (FIXTURES / "article-news.html", "text/html", {
        "author": "Anna Berger", "published": "2023-12-26", "publisher": "Daily Ledger", "language": "en",
        "source_url": "https://www.dailyledger.example/world/usa-attacks-pro-iranian-militias-in-iraq-1234.html"}),
    "html-blog": (FIXTURES / "article-blog.html", "text/html", {
        "published": "2023-12-27", "source_url": "https://frontline-notes.example/2023/12/27/usa-attacks-militias/"}),
    "docx": (FIXTURES / "article.docx", DOCX_TYPE, {"author": "Anna Berger"}),
    "pdf": (FIXTURES / "article.pdf", "application/pdf", {"author": "Anna Berger"}),
    "pdf-paged-with-running-heads": (FIXTURES / "article-paged.pdf", "application/pdf", {"author": "Anna Berger"}),
    "pdf-two-columns-hyphenated": (FIXTURES / "article-2col.pdf", "application/pdf", {"author": "Anna Berger"}),
}


@pytest.fixture(scope="module")
def reference_body():
    return body(SAMPLE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", list(CASES))
def test_every_format_gives_the_sample_body_and_its_metadata(case, reference_body):
    path, media_type, meta = CASES[case]
    article = import_path(path)
    assert body(article.text) == reference_body
    missing = [c for c in claims() if c not in article.text]
    assert missing == []
    assert article.title == TITLE
    assert article.text.split("\n", 1)[0] == TITLE
    for key, value in meta.items():
        assert getattr(article, key) == value, key
    assert article.media_type == media_type
    assert article.original == path.read_bytes()
    assert article.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert article.filename == path.name


def test_word_and_pdf_creation_dates_are_kept_as_metadata():
    assert import_path(FIXTURES / "article.docx").extra["created"] == "2023-12-26T09:14:00+00:00"
    created = import_path(FIXTURES / "article.pdf").extra["created"]
    assert datetime.fromisoformat(created).tzinfo is not None


@pytest.mark.parametrize("name, content_type", [
    ("article-news.html", "text/html; charset=utf-8"),
    ("article.pdf", "application/pdf"),
    ("article.docx", DOCX_TYPE),
])
def test_a_local_url_gives_the_same_body_with_final_url_and_retrieval_time(web, reference_body, name, content_type):
    data = (FIXTURES / name).read_bytes()
    web.routes["/story"] = Route(b"", 301, {"Location": f"/2023/{name}"})
    web.routes[f"/2023/{name}"] = Route(data, headers={"Content-Type": content_type})
    before = datetime.now(timezone.utc)
    article = import_url(web.url + "/story")
    assert body(article.text) == reference_body
    assert [c for c in claims() if c not in article.text] == []
    assert article.title == TITLE
    assert article.source_url == f"{web.url}/2023/{name}"
    assert before <= article.retrieved_at <= datetime.now(timezone.utc)
    assert article.original == data
    assert web.requests == ["/story", f"/2023/{name}"]


def test_a_web_page_fetched_by_url_keeps_its_canonical_address_as_well(web):
    web.routes["/a"] = Route((FIXTURES / "article-news.html").read_bytes())
    article = import_url(web.url + "/a")
    assert article.source_url == web.url + "/a"
    assert article.extra["canonical_url"].startswith("https://www.dailyledger.example/")
    assert article.publisher == "Daily Ledger"


def test_import_bytes_and_import_path_agree(tmp_path):
    data = (FIXTURES / "article.docx").read_bytes()
    assert import_bytes(data, "article.docx").text == import_path(FIXTURES / "article.docx").text


@pytest.mark.parametrize("name", ["\x00", "notes\x00.txt"])
def test_a_path_with_a_nul_character_is_refused_in_one_sentence(name):
    from desktop_app.core.errors import ImportFailed

    with pytest.raises(ImportFailed, match="not a file name"):
        import_path(name)  # was: ValueError (embedded null byte) from os.stat, an unexpected error in the CLI
