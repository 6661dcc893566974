"""For any bytes at all, import_bytes returns an article or raises ImportFailed, nothing else."""
from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importers import ImportedArticle, import_bytes

from .conftest import FIXTURES, SAMPLE

SEEDS = {
    "article.txt": SAMPLE.read_bytes(),
    "article-utf-16.txt": (FIXTURES / "article-utf-16.txt").read_bytes(),
    "article.html": (FIXTURES / "article-news.html").read_bytes(),
    "article.docx": (FIXTURES / "article.docx").read_bytes(),
    "article.pdf": (FIXTURES / "article.pdf").read_bytes(),
    "article-2col.pdf": (FIXTURES / "article-2col.pdf").read_bytes(),
}
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _mutate(data: bytes, draw) -> bytes:
    """Overwrite, delete, insert or truncate at a few random places, as damage in transit does."""
    buf = bytearray(data)
    for _ in range(draw(st.integers(1, 8))):
        if not buf:
            break
        op = draw(st.sampled_from(["overwrite", "delete", "insert", "truncate"]))
        at = draw(st.integers(0, len(buf) - 1))
        if op == "overwrite":
            chunk = draw(st.binary(min_size=1, max_size=16))
            buf[at:at + len(chunk)] = chunk
        elif op == "delete":
            del buf[at:at + draw(st.integers(1, 64))]
        elif op == "insert":
            buf[at:at] = draw(st.binary(min_size=1, max_size=32))
        else:
            del buf[at:]
    return bytes(buf)


def _survives(data: bytes, name: str | None) -> None:
    try:
        article = import_bytes(data, name)
    except ImportFailed as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert isinstance(article, ImportedArticle)
    assert article.text and article.original == data


@FUZZ
@given(data=st.binary(max_size=4096), name=st.sampled_from([None, "a.txt", "a.html", "a.docx", "a.pdf"]))
def test_random_bytes(data, name):
    _survives(data, name)


@pytest.mark.parametrize("name", list(SEEDS))
@FUZZ
@given(draw=st.data())
def test_damaged_fixtures(name, draw):
    _survives(_mutate(SEEDS[name], draw.draw), name)


@FUZZ
@given(draw=st.data())
def test_word_files_with_damaged_xml_inside(draw):
    src = zipfile.ZipFile(io.BytesIO(SEEDS["article.docx"]))
    target = draw.draw(st.sampled_from(["word/document.xml", "word/styles.xml", "docProps/core.xml",
                                        "[Content_Types].xml", "word/_rels/document.xml.rels"]))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            out.writestr(info.filename, _mutate(data, draw.draw) if info.filename == target else data)
    _survives(buf.getvalue(), "a.docx")


@FUZZ
@given(draw=st.data())
def test_pdfs_with_damaged_objects_but_an_intact_end(draw):
    data = SEEDS["article.pdf"]
    body, tail = data[:-200], data[-200:]
    _survives(_mutate(body, draw.draw) + tail, "a.pdf")
