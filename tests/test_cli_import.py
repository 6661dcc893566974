"""`claimdesk import` with every format, a URL, and hostile files: exit 2 and one line on refusal."""
from __future__ import annotations

import json

import pytest

from .conftest import SAMPLE
from .core.importers.conftest import FIXTURES, HOSTILE, RecordingServer, Route
from .test_cli import run


@pytest.fixture
def db(tmp_path):
    return tmp_path / "ws.db"


def _articles(db):
    from desktop_app.core.workspace import Workspace

    with Workspace.open(str(db)) as ws:
        return len(ws.articles()), ws.change_count()


@pytest.mark.parametrize("name", ["article-news.html", "article.docx", "article.pdf"])
def test_every_format_imports_from_the_command_line(db, name):
    result = run(db, "import", FIXTURES / name, "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    article = json.loads(result.stdout)
    assert article["title"] == "USA attacks pro-Iranian militias in Iraq"


def test_a_url_imports_with_its_final_address(db):
    with RecordingServer() as web:
        web.routes["/a"] = Route((FIXTURES / "article-news.html").read_bytes())
        result = run(db, "import", web.url + "/a", "--json")
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["source_url"] == web.url + "/a"
        assert web.requests == ["/a"]


@pytest.mark.parametrize("target", ["{web}/missing", "{web}/image", "http://127.0.0.1:9/closed"])
def test_a_failed_url_import_is_exit_2_with_one_sentence(db, target):
    run(db, "import", SAMPLE)
    before = _articles(db)
    with RecordingServer() as web:
        web.routes["/image"] = Route(b"\x89PNG", headers={"Content-Type": "image/png"})
        result = run(db, "import", target.format(web=web.url))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("claimdesk: ") and lines[0].endswith(".")
    assert _articles(db) == before


@pytest.mark.parametrize("name", ["zip-bomb.docx", "billion-laughs.docx", "xxe-file.docx", "binary.txt",
                                  "empty.txt", "truncated.pdf", "encrypted.pdf"])
def test_a_hostile_file_is_exit_2_with_one_line(db, name):
    run(db, "import", SAMPLE)
    before = _articles(db)
    result = run(db, "import", HOSTILE / name)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert _articles(db) == before


def test_a_damaged_pdf_that_pdfminer_complains_about_prints_nothing_extra(db, tmp_path):
    """pdfminer logs a warning per bad operator; none of it may reach the analyst's terminal."""
    import pypdf
    from pypdf.generic import DecodedStreamObject, NameObject

    writer = pypdf.PdfWriter(clone_from=FIXTURES / "article.pdf")
    page = writer.pages[0]
    stream = DecodedStreamObject()
    stream.set_data(b"(x) (y) (z) rg\n" * 5 + page.get_contents().get_data())
    page[NameObject("/Contents")] = writer._add_object(stream)
    damaged = tmp_path / "damaged.pdf"
    writer.write(damaged)
    script = ("import logging, io; buf = io.StringIO(); logging.basicConfig(stream=buf, level=logging.WARNING);"
              "from desktop_app.core.importers import import_path; import_path(%r); "
              "assert 'Cannot set RGB' in buf.getvalue(), buf.getvalue()" % str(damaged))
    import subprocess
    import sys

    warned = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert warned.returncode == 0, warned.stderr   # pdfminer does complain, to a configured log
    result = run(db, "import", damaged)
    assert result.returncode == 0
    assert result.stderr == ""                     # and nothing of it reaches the terminal
