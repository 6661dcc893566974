"""Hostile documents: each is refused with one clear sentence, or imported as clean text with
nothing executed and nothing fetched; either way the workspace is unchanged by a refusal.

Files are in tests/data/hostile (scripts/make_hostile_fixtures.py); the large ones and those
that must point at the recording test server are built here at test time.
"""
from __future__ import annotations

import os

import pytest

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importers import ImportLimits, import_bytes, import_path, import_url

from .conftest import FIXTURES, HOSTILE, SAMPLE, Route, hostile

REFUSED = {
    # file in tests/data/hostile: words the one-sentence refusal must contain
    "zip-bomb.docx": "possible ZIP bomb",
    "billion-laughs.docx": "entity declarations",
    "xxe-file.docx": "entity declarations",
    "binary.txt": "not text",
    "empty.txt": "empty",
    "truncated.pdf": "incomplete",
    "encrypted.pdf": "password-protected",
}


def _one_sentence(message: str) -> bool:
    return "\n" not in message and message.endswith(".") and "Traceback" not in message and len(message) < 300


def _state(ws):
    return len(ws.articles()), ws.change_count()


@pytest.mark.parametrize("name", list(REFUSED))
def test_a_hostile_file_is_refused_with_one_sentence(name):
    with pytest.raises(ImportFailed) as err:
        import_path(HOSTILE / name)
    assert REFUSED[name] in str(err.value)
    assert _one_sentence(str(err.value))


def test_refused_files_leave_the_workspace_unchanged(workspace, tmp_path):
    workspace.import_file(SAMPLE)
    before = _state(workspace)
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # sparse: over the 20 MB default cap without writing 20 MB
        fh.truncate(21 * 1024 * 1024)
    bomb = tmp_path / "members.docx"
    bomb.write_bytes(hostile.many_members_docx())
    for path in [*(HOSTILE / n for n in REFUSED), big, bomb]:
        with pytest.raises(ImportFailed):
            workspace.import_file(path)
        assert _state(workspace) == before, path.name
    assert workspace.articles()[0].title == "USA attacks pro-Iranian militias in Iraq"


def test_the_zip_bomb_is_refused_before_anything_is_unpacked(monkeypatch):
    import zipfile

    bomb = hostile.zip_bomb_docx(60)
    opened = []
    real_open = zipfile.ZipFile.open
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda self, name, *a, **k: opened.append(getattr(name, "filename", name))
                        or real_open(self, name, *a, **k))
    with pytest.raises(ImportFailed, match="ZIP bomb"):
        import_bytes(bomb, "bomb.docx")
    assert opened == []


def test_too_many_zip_members_and_too_much_unpacked_data_are_refused():
    with pytest.raises(ImportFailed, match="5,017 parts"):
        import_bytes(hostile.many_members_docx(5000), "x.docx")
    data = (FIXTURES / "article.docx").read_bytes()
    with pytest.raises(ImportFailed, match="would unpack to"):
        import_bytes(data, "x.docx", limits=ImportLimits(max_unpacked_bytes=10_000))


def test_python_docx_itself_does_not_resolve_entities():
    """Belt and braces: even without our DOCTYPE check, python-docx's parser expands nothing."""
    from docx.oxml.parser import oxml_parser
    from lxml import etree

    xml = b'<!DOCTYPE r [<!ENTITY e "EXPANDED">]><r>&e;</r>'
    assert b"EXPANDED" not in etree.tostring(etree.fromstring(xml, oxml_parser))


def test_the_size_cap_is_configurable_and_checked_before_reading(tmp_path):
    with pytest.raises(ImportFailed, match="over the import limit of 1,000 bytes"):
        import_path(SAMPLE, max_bytes=1000)
    with pytest.raises(ImportFailed, match="over the import limit"):
        import_bytes(SAMPLE.read_bytes(), "a.txt", limits=ImportLimits(max_bytes=1000))
    big = tmp_path / "big.html"
    with big.open("wb") as fh:
        fh.truncate(21 * 1024 * 1024)
    with pytest.raises(ImportFailed, match=r"21\.0 MB, over the import limit of 20\.0 MB"):
        import_path(big)


def test_a_png_named_txt_is_refused():
    with pytest.raises(ImportFailed, match="PNG image"):
        import_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2000), "notes.txt")


def test_a_pdf_with_more_pages_than_the_cap_is_refused():
    with pytest.raises(ImportFailed, match="more than 0 pages|1 pages"):
        import_path(FIXTURES / "article.pdf", limits=ImportLimits(max_pages=0))


# --- nothing is fetched -----------------------------------------------------------------------

def _remote_html(web) -> bytes:
    return (HOSTILE / "remote-resources.html.in").read_bytes().replace(b"__SERVER__", web.url.encode())


def test_hostile_html_imports_as_clean_text_and_fetches_nothing(web, workspace):
    data = _remote_html(web)
    assert data.count(web.url.encode()) > 20
    article = import_bytes(data, "page.html")
    assert web.requests == []
    text = article.text
    assert "Three soldiers are injured in an attack on a US base in Iraq." in text
    assert "at least one member of a pro-Iranian group had been killed" in text
    assert "Read the full statement" in text          # a javascript: link keeps its words, not its target
    for bad in ("alert", "fetch(", "javascript", "INJECTED", "onload", "onerror", "onclick", "@font-face",
                "url(", "127.0.0.1", "document.cookie", "<", ">"):
        assert bad not in text, bad
    assert article.original == data                    # kept as read, for showing exactly what was read
    assert article.media_type == "text/html"
    stored = workspace.import_article(article)
    assert web.requests == []
    assert workspace.original(stored.id) == (data, "text/html")


def test_a_hostile_page_fetched_by_url_fetches_only_itself(web):
    web.routes["/page"] = Route(_remote_html(web))
    article = import_url(web.url + "/page")
    assert web.requests == ["/page"]
    assert "alert" not in article.text


@pytest.mark.parametrize("build", [hostile.xxe_docx, hostile.xxe_parameter_entity_docx])
def test_external_entities_in_word_are_refused_and_never_fetched(web, build, workspace):
    before = _state(workspace)
    with pytest.raises(ImportFailed, match="entity declarations"):
        import_bytes(build(web.url + "/xxe"), "xxe.docx")
    assert web.requests == []
    assert _state(workspace) == before


def test_lxml_html_parsing_of_an_external_entity_fetches_nothing(web):
    """The HTML path has no DOCTYPE refusal; prove the parser underneath fetches nothing either."""
    page = (f'<!DOCTYPE html SYSTEM "{web.url}/dtd"[<!ENTITY x SYSTEM "{web.url}/ent">]>'
            f'<html><body><article><h1>Headline here</h1><p>Body text of the article &x; goes on for a '
            f'while so that it counts as an article paragraph.</p></article></body></html>').encode()
    article = import_bytes(page, "p.html")
    assert "Body text of the article" in article.text
    assert web.requests == []
