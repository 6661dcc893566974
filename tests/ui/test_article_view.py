"""The article view: untrusted text stays text, nothing is fetched, claims are placed exactly."""
from __future__ import annotations

import threading
import urllib.request
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PySide6.QtCore import QPoint, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextBrowser
from sqlalchemy.orm import Session

from desktop_app.core.models import Claim
from desktop_app.core.records import ClaimRecord
from desktop_app.ui.article_view import ArticleView, SafeDocument

from tests.ui.conftest import import_sample, painted_background

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


@pytest.fixture
def counting_server():
    """A local web server that counts every request made to it."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server API
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(PNG)))
            self.end_headers()
            self.wfile.write(PNG)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()


def record(i, start, end, text, type="casualty", status="unverified", anchor="exact"):
    now = datetime.now(timezone.utc)
    return ClaimRecord(id=i, article_id=1, start=start, end=end, text=text[start:end], prefix="", suffix="",
                       type=type, status=status, note="", version=1, anchor=anchor, all_fields={}, analyst="a",
                       created_at=now, updated_at=now, updated_by="a")


def test_an_article_with_remote_images_makes_zero_requests(qtbot, window, counting_server, tmp_path):
    base, hits = counting_server
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        f"Hostile page\n\nText <img src=\"{base}/x.png\"> more text.\n"
        f"<link rel=\"stylesheet\" href=\"{base}/style.css\"><img src='{base}/y.png' width=1>\n"
        f"<a href=\"{base}/link\">a link</a> and background: url({base}/bg.png).", encoding="utf-8")
    import_sample(qtbot, window, hostile)
    view = window.view
    start = view.text.index("<img")
    window.workspace.add_claim(window.article.id, "other", start=start, end=start + 20, note=f"<img src='{base}/n.png'>")
    window.open_article(window.article.id)
    qtbot.mouseMove(view.viewport(), view._rects(start, start + 20)[0].center().toPoint())
    qtbot.wait(300)  # give any (wrong) loader time to hit the server
    # the markup shows as text, and the document refuses to load anything itself
    assert f'<img src="{base}/x.png">' in view.toPlainText()
    assert view.document().loadResource(QTextDocument.ResourceType.ImageResource, QUrl(f"{base}/x.png")) is None
    assert view.loadResource(QTextDocument.ResourceType.StyleSheetResource, QUrl(f"{base}/style.css")) is None
    assert hits == []
    # the server does count: the zero above means something
    urllib.request.urlopen(f"{base}/probe.png", timeout=5).read()
    assert hits == ["/probe.png"]


def test_a_text_browser_given_the_same_text_as_plain_text_fetches_nothing_either(qtbot, counting_server):
    base, hits = counting_server
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    browser.setDocument(SafeDocument(browser))
    browser.setPlainText(f'<img src="{base}/x.png">')
    browser.show()
    qtbot.wait(200)
    assert hits == [] and browser.toPlainText() == f'<img src="{base}/x.png">'


def test_overlapping_claims_stay_visible(qtbot):
    text = "Title\n\nUS forces said three US soldiers were injured in Erbil."
    outer_start = text.index("US forces said")
    inner_start = text.index("three US soldiers")
    outer = record(1, outer_start, len(text) - 1, text, type="attribution", status="verified")
    inner = record(2, inner_start, inner_start + len("three US soldiers were injured"), text, type="casualty",
                   status="disputed")
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.set_article(text, [outer, inner], "Title")
    view.show()
    qtbot.waitExposed(view)
    assert painted_background(view, outer_start) == "#a9c8f5"  # attribution only
    overlap = painted_background(view, inner_start)
    assert overlap not in ("#a9c8f5", "#f4a3a3", "none")  # the inner claim's colour, darkened: both show
    assert view._levels[1] != view._levels[2]  # two verdict underlines, one under the other
    point = view._rects(inner_start, inner_start + 3)[0].center().toPoint()
    assert view.claims_at_point(point) == [2, 1]
    assert painted_background(view, 0) == "none"


def test_orphaned_claims_are_not_highlighted_but_listed_as_orphaned(qtbot, window):
    import_sample(qtbot, window)
    ws = window.workspace
    kept = ws.add_claim(window.article.id, "casualty", quote="Another 24 were injured")
    lost = ws.add_claim(window.article.id, "statistic", quote="More than 100 attacks recorded")
    with Session(ws.engine) as s:  # what re-anchoring does when the text is gone from a new revision
        s.get(Claim, lost.id).anchor = "orphaned"
        s.commit()
    window.open_article(window.article.id)
    assert painted_background(window.view, lost.start) == "none"
    assert painted_background(window.view, kept.start) == "#f4a3a3"
    row = window.panel.model.row_of(lost.id)
    assert window.panel.model.index(row, 1).data().startswith("\u26a0 orphaned")
    window.select_claim(lost.id)
    assert window.panel.editor.orphaned.isVisibleTo(window.panel.editor)
    window.panel.status_filter.setCurrentIndex(window.panel.status_filter.findData("__orphaned__"))
    assert window.panel.model.rowCount() == 1


def test_claims_after_an_emoji_are_highlighted_in_the_right_place(qtbot):
    text = "Title \U0001F600\n\nThe ministry said 24 were injured."
    start = text.index("24 were injured")
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.set_article(text, [record(1, start, start + 15, text)], "Title")
    view.show()
    qtbot.waitExposed(view)
    assert painted_background(view, start) == "#f4a3a3"
    assert painted_background(view, start - 2) == "none"
    view.select_range(start, start + 15)
    assert view.selection_range() == (start, start + 15)
    assert view.textCursor().selectedText() == "24 were injured"


def long_article(paragraphs: int = 400) -> str:
    body = "Witnesses said 24 people were injured when the convoy was hit near the bridge, officials added."
    return "Title\n\n" + "\n\n".join(f"{i}. {body}" for i in range(paragraphs))


def test_a_long_article_opens_without_laying_out_all_of_its_text(qtbot):
    text = long_article(3000)
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    near_end = text.rindex("24 people")
    view.set_article(text, [record(1, 10, 40, text), record(2, near_end, near_end + 9, text)], "Title")
    doc = view.document()
    # the line spacing is in place all the way down, yet the last paragraphs are not laid out yet
    assert doc.lastBlock().blockFormat().lineHeight() == 155
    assert doc.firstBlock().layout().lineCount() > 0 and doc.lastBlock().layout().lineCount() == 0
    assert painted_background(view, 12) == "#f4a3a3"
    # ... and the rest is laid out when it is needed: the claim at the end is found and coloured
    assert painted_background(view, near_end + 1) == "#f4a3a3"
    view.set_zoom(16)  # a zoom lays everything out again, lazily, title and all
    assert painted_background(view, near_end + 1) == "#f4a3a3"
    assert doc.lastBlock().layout().lineCount() > 0


def test_claims_and_matches_far_down_are_highlighted_once_scrolled_to(qtbot):
    text = long_article()
    far = text.rindex("24 people")
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    view.set_article(text, [record(1, 10, 40, text), record(2, far, far + 9, text, type="statistic")], "Title")
    assert view.highlight_matches("convoy") == 400
    view.show_claim(2)
    assert view.verticalScrollBar().value() > 0
    assert painted_background(view, far + 1) == "#f7d68a"  # statistic
    convoy = text.rindex("convoy")
    assert painted_background(view, convoy + 1) not in ("none", "#f7d68a")  # the find tint
    point = view._rects(far, far + 3)[0].center().toPoint()
    assert view.claims_at_point(point) == [2]
    # and back at the top, the first claim is coloured again
    view.verticalScrollBar().setValue(0)
    assert painted_background(view, 12) == "#f4a3a3"


def test_a_point_between_paragraphs_is_the_end_of_the_paragraph_above(qtbot):
    text = long_article(40)
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    view.set_article(text, [], "Title")
    first = text.index("0. Witnesses")
    rect = view._rects(first, first + 1)[0]
    end_of_paragraph = text.index("\n", first)
    # the empty paragraph after it, then the spacing below that: neither is the end of the article
    below = rect.bottom() + 2
    assert first < view.offset_at(QPoint(int(rect.left()) + 5, int(below))) <= end_of_paragraph + 1
