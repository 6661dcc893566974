"""The Word briefing, read back with python-docx: comments, highlights, tables, styles, options."""
from __future__ import annotations

import re
import zipfile
from collections import defaultdict
from dataclasses import replace

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX
from lxml import etree

from desktop_app.core import taxonomy
from desktop_app.core.exporters import ExportOptions, export, render
from desktop_app.core.exporters.briefing import KEY_JUDGMENTS_SHOWN
from desktop_app.core.exporters.docx_briefing import SECTIONS, build
from desktop_app.core.models import ClaimStatus

from .conftest import ANALYST, build_desk

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HANDLING = "UNCLASSIFIED // FOR OFFICIAL USE ONLY"
HIGHLIGHT = {"false": "red", "disputed": "yellow", "unverifiable": "cyan", "unverified": "lightGray",
             "verified": "green"}  # from resources/taxonomy.json, in Word's XML names


@pytest.fixture(scope="module")
def briefing(desk, tmp_path_factory):
    path = tmp_path_factory.mktemp("briefing") / "briefing.docx"
    export(desk.ws, [desk.article_id], "docx", path,
           ExportOptions(handling=HANDLING, organisation="Verification Desk"))
    return path


def comment_runs(document) -> dict[str, list[tuple[str, str | None]]]:
    """Comment id -> the text runs inside its range, with their highlight (claim numbers left out)."""
    inside: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    open_ids: list[str] = []
    for el in document.element.body.iter():
        if el.tag == W + "commentRangeStart":
            open_ids.append(el.get(W + "id"))
        elif el.tag == W + "commentRangeEnd":
            open_ids.remove(el.get(W + "id"))
        elif el.tag == W + "r" and open_ids:
            style = el.find(f"{W}rPr/{W}rStyle")
            if style is not None and style.get(W + "val") in ("ClaimNumber", "CommentReference"):
                continue
            highlight = el.find(f"{W}rPr/{W}highlight")
            text = "".join(t.text or "" for t in el.iter(W + "t"))
            for cid in open_ids:
                inside[cid].append((text, highlight.get(W + "val") if highlight is not None else None))
    assert open_ids == [], "every comment range is closed"
    return inside


def comment_number(text: str) -> int:
    return int(re.match(r"Claim (\d+) ", text).group(1))


def test_every_claim_has_one_comment_with_its_verdict_rationale_and_graded_sources(desk, briefing):
    document = docx.Document(briefing)
    claims = desk.claims()  # in text order: claim n is the n-th
    comments = list(document.comments)
    assert len(comments) == len(claims) == 10
    plan = {item["text"]: item for item in desk.plan}
    for comment in comments:
        claim = claims[comment_number(comment.text) - 1]
        item = plan[claim.text]
        first_line = comment.text.split("\n")[0]
        assert taxonomy.statuses()[claim.status].label.upper() in first_line
        assert taxonomy.types()[claim.type].label in first_line
        if item["rationale"]:
            assert f"Why: {item['rationale']}" in comment.text
        if item["note"]:
            assert f"Note: {item['note']}" in comment.text
        for link in claim.sources:
            assert f"({link.grade}, {link.relation})" in comment.text
        if not claim.sources:
            assert "none linked" in comment.text
        assert comment.author == ANALYST and comment.initials == "ML"
    dod = [c for c in comments if "Lloyd J. Austin III on strikes in Iraq (B2, supports)" in c.text]
    assert len(dod) == 3  # claims 1, 5 and 10 cite the DoD statement with credibility 2


def test_each_comment_spans_exactly_its_claims_highlighted_text(desk, briefing):
    document = docx.Document(briefing)
    claims = desk.claims()
    runs = comment_runs(document)
    assert len(runs) == len(claims)
    for comment in document.comments:
        claim = claims[comment_number(comment.text) - 1]
        inside = runs[str(comment.comment_id)]
        assert "".join(text for text, _ in inside) == claim.text
        assert {h for _, h in inside} == {HIGHLIGHT[claim.status]}


def test_claim_numbers_follow_the_claims_in_the_text(desk, briefing):
    document = docx.Document(briefing)
    numbers = [r.text for p in document.paragraphs for r in p.runs if r.style.name == "Claim Number"]
    assert numbers == [str(n) for n in range(1, 11)]


def test_the_summary_counts_match_the_workspace(desk, briefing):
    document = docx.Document(briefing)
    counts = desk.ws.articles()[0].status_counts
    assert sum(counts.values()) == 10
    text = "\n".join(p.text for p in document.paragraphs)
    sentence = next(line for line in text.split("\n") if line.startswith("10 claims in 1 article"))
    for status, n in counts.items():
        assert f"{n} {status}" in sentence
    legend = next(t for t in document.tables if t.rows[0].cells[0].text == "Verdict")
    shown = {row.cells[0].text.strip().lower(): int(row.cells[1].text) for row in legend.rows[1:]}
    assert shown == {s.value: counts.get(s.value, 0) for s in ClaimStatus}
    by_type = next(t for t in document.tables if t.rows[0].cells[0].text == "Type")
    totals = {row.cells[0].text: int(row.cells[-1].text) for row in by_type.rows[1:]}
    assert totals == {"Casualty figure": 4, "Statistic": 3, "Quote": 1, "Attribution": 2}


def test_key_judgments_put_false_claims_first_then_disputed_with_their_rationale(desk, briefing):
    document = docx.Document(briefing)
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert [b.split(" ")[0] for b in bullets] == ["FALSE", "DISPUTED", "DISPUTED"]
    assert "more than 100 such attacks since mid-October" in bullets[0]
    assert "the figure mixes attacks in Iraq and Syria" in bullets[0]
    assert "one of them seriously" in bullets[1] and "Wire reports disagree" in bullets[1]


def test_claims_table_has_a_row_per_claim_with_grades(desk, briefing):
    document = docx.Document(briefing)
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "No.")
    assert [c.text for c in table.rows[0].cells] == ["No.", "Claim", "Type", "Verdict", "Sources",
                                                     "Rationale and note"]
    assert table.style.name == "Light Grid Accent 1"
    rows = table.rows[1:]
    claims = desk.claims()
    assert len(rows) == len(claims)
    for n, (row, claim) in enumerate(zip(rows, claims), start=1):
        cells = [c.text for c in row.cells]
        assert cells[0] == str(n)
        assert cells[1].split("\n")[0] == claim.text
        assert cells[3] == taxonomy.statuses()[claim.status].label
        for link in claim.sources:
            assert link.grade in cells[4]
    disputed = rows[[c.text for c in claims].index("three US soldiers were injured, one of them seriously")]
    assert "S1 B2 supports" in disputed.cells[4].text and "S2 C3 contradicts" in disputed.cells[4].text
    assert "Ask the Pentagon press desk" in disputed.cells[5].text


def test_sources_appendix_lists_each_source_with_its_citing_claims(desk, briefing):
    document = docx.Document(briefing)
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "No." and "Publisher" in
                 [c.text for c in t.rows[0].cells])
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert [r[0] for r in rows] == ["S1", "S2"]
    dod, wire = rows
    assert "https://www.defense.gov/News/Releases/Release/Article/3627171/" in dod[1]
    assert dod[2].startswith("U.S. Department of Defense") and dod[3].startswith("B usually reliable")
    assert dod[4] == "2023-12-26"
    assert dod[5].split("\n") == ["B2 supports: 1, 5, 10", "B1 supports: 2, 3", "B2 contradicts: 8"]
    assert wire[3].startswith("C fairly reliable") and wire[5].split("\n") == ["C3 contradicts: 5", "C3 context: 6"]


def test_real_word_styles_are_used(briefing):
    document = docx.Document(briefing)
    used = {p.style.name for p in document.paragraphs}
    assert {"Title", "Subtitle", "Heading 1", "Heading 2", "List Bullet", "Normal"} <= used
    assert {t.style.name for t in document.tables} >= {"Light Grid Accent 1"}
    names = {s.name for s in document.styles}
    assert {"Claim Number", "Table Text", "Article Metadata", "Handling Line", "annotation text"} <= names
    assert document.core_properties.title == "USA attacks pro-Iranian militias in Iraq"
    assert document.core_properties.author == ANALYST


def test_handling_line_and_page_numbers_in_header_and_footer(briefing):
    document = docx.Document(briefing)
    section = document.sections[0]
    assert section.header.paragraphs[0].text == HANDLING
    footer = section.footer
    assert footer.paragraphs[0].text == HANDLING
    instructions = [f.get(W + "instr") for f in footer._element.iter(W + "fldSimple")]
    assert any(i.split()[0] == "PAGE" for i in instructions)
    assert any(i.split()[0] == "NUMPAGES" for i in instructions)
    assert round(section.page_width.cm, 1) == 21.0


def test_the_package_is_well_formed_with_every_comment_referenced(briefing):
    """What Word checks before offering to repair: parts parse, ids match, no leftovers."""
    with zipfile.ZipFile(briefing) as z:
        assert z.testzip() is None
        names = set(z.namelist())
        assert {"word/document.xml", "word/comments.xml", "word/styles.xml", "[Content_Types].xml"} <= names
        assert "docProps/thumbnail.jpeg" not in names
        trees = {n: etree.fromstring(z.read(n)) for n in names if n.endswith((".xml", ".rels"))}
        content_types = z.read("[Content_Types].xml").decode()
    assert "comments+xml" in content_types
    body, comments = trees["word/document.xml"], trees["word/comments.xml"]
    for tree in trees.values():
        assert b"CLAIMDESK-BRIEFING" not in etree.tostring(tree)
    ids = [c.get(W + "id") for c in comments.iter(W + "comment")]
    assert len(ids) == len(set(ids)) == 10
    for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        assert sorted(e.get(W + "id") for e in body.iter(W + tag)) == sorted(ids)
    assert body[0].tag == W + "body" and body[0][-1].tag == W + "sectPr"


def test_a_run_under_several_claims_takes_the_most_severe_highlight(workspace, sample_article):
    ws = workspace
    a = ws.add_claim(sample_article.id, "event", quote="an attack on a base in Iraq that left three US soldiers injured",
                     status="verified")
    b = ws.add_claim(sample_article.id, "event", quote="three US soldiers injured, the USA attacked pro-Iranian militias",
                     status="disputed")
    c = ws.add_claim(sample_article.id, "casualty", quote="three US soldiers injured", status="false")
    data = render("docx", [ws.article(sample_article.id)], ExportOptions())
    document = docx.Document(__import__("io").BytesIO(data))
    runs = comment_runs(document)
    by_claim = {}
    for comment in document.comments:
        number = comment_number(comment.text)
        by_claim[[a, b, c][number - 1].id] = runs[str(comment.comment_id)]  # text order; b, c start together
    assert by_claim[a.id] == [("an attack on a base in Iraq that left ", "green"), ("three US soldiers injured", "red")]
    assert by_claim[c.id] == [("three US soldiers injured", "red")]
    assert by_claim[b.id] == [("three US soldiers injured", "red"), (", the USA attacked pro-Iranian militias", "yellow")]
    paragraph = next(p for p in document.paragraphs if p.text.startswith("Following an attack"))
    assert "".join(r.text for r in paragraph.runs if r.style.name != "Claim Number") == \
        ws.article(sample_article.id).text.split("\n")[4]
    assert [r.text for r in paragraph.runs if r.style.name == "Claim Number"] == ["1,3", "2"]
    highlighted = [r for r in paragraph.runs if r.font.highlight_color is not None]
    assert {r.font.highlight_color for r in highlighted} == {WD_COLOR_INDEX.BRIGHT_GREEN, WD_COLOR_INDEX.RED,
                                                            WD_COLOR_INDEX.YELLOW}


def test_status_filter_claims_only_and_no_comments(desk, tmp_path):
    path = tmp_path / "b.docx"
    export(desk.ws, [desk.article_id], "docx", path,
           ExportOptions(statuses=("false", "disputed"), full_text=False, comments=False))
    document = docx.Document(path)
    assert len(document.comments) == 0
    with zipfile.ZipFile(path) as z:
        assert b"commentRangeStart" not in z.read("word/document.xml")
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Following an attack on a base in Iraq" not in text  # no full text
    listed = [p.text for p in document.paragraphs if re.match(r"\d+\.\u2002\u201c", p.text)]
    assert listed == ["1.\u2002\u201cthree US soldiers were injured, one of them seriously\u201d \u2014 Casualty figure, disputed",
                      "2.\u2002\u201cat least one member of a pro-Iranian group had been killed\u201d \u2014 Casualty figure, disputed",
                      "3.\u2002\u201cmore than 100 such attacks since mid-October\u201d \u2014 Statistic, false"]
    claims_table = next(t for t in document.tables if t.rows[0].cells[0].text == "No.")
    assert len(claims_table.rows) == 1 + 3
    assert "3 (verdicts False, Disputed)" in [c.text for r in document.tables[0].rows for c in r.cells]


def test_claims_only_with_comments_anchors_each_comment_on_the_quote(desk):
    document = docx.Document(__import__("io").BytesIO(
        render("docx", [desk.ws.article(desk.article_id)], ExportOptions(full_text=False))))
    runs = comment_runs(document)
    claims = desk.claims()
    for comment in document.comments:
        claim = claims[comment_number(comment.text) - 1]
        assert "".join(t for t, _ in runs[str(comment.comment_id)]) == f"\u201c{claim.text}\u201d"


def test_a_claim_that_cannot_be_placed_is_listed_after_the_text_not_dropped(desk):
    article = desk.ws.article(desk.article_id)
    orphan = replace(article.claims[0], anchor="orphaned", start=5000, end=5010)
    article = replace(article, claims=(orphan,) + article.claims[1:])
    document = docx.Document(__import__("io").BytesIO(render("docx", [article])))
    text = [p.text for p in document.paragraphs]
    at = text.index("Claims that could not be placed in the current text of this article:")
    # numbered by its last known place (past the end of the text now), with its comment
    assert text[at + 1] == "10.\u2002\u201cThree soldiers are injured\u201d \u2014 Casualty figure, verified"
    assert len(document.comments) == 10
    (comment,) = [c for c in document.comments if c.text.startswith("Claim 10 ")]
    assert "".join(t for t, _ in comment_runs(document)[str(comment.comment_id)]) == \
        "\u201cThree soldiers are injured\u201d"


def test_hostile_text_is_escaped_and_the_document_stays_valid(workspace):
    text = "Report <w:p> & \"quotes\" ]]> \u0001\u000b end\n\nThe minister said 12 <b>died</b>."
    summary = workspace.import_text(text, title="<script>alert(1)</script> & co")
    workspace.add_claim(summary.id, "casualty", quote="12 <b>died</b>", status="disputed")
    data = render("docx", [workspace.article(summary.id)], ExportOptions(title="Q&A <briefing>"))
    document = docx.Document(__import__("io").BytesIO(data))
    body = "\n".join(p.text for p in document.paragraphs)
    assert "12 <b>died</b>" in body and "<script>alert(1)</script> & co" in body
    assert document.paragraphs[0].text == "Q&A <briefing>"
    (comment,) = document.comments
    assert "".join(t for t, _ in comment_runs(document)[str(comment.comment_id)]) == "12 <b>died</b>"


def test_many_key_judgments_point_to_the_claims_table(workspace, sample_article):
    text = workspace.article(sample_article.id).text
    words = [m for m in re.finditer(r"[A-Za-z]{4,}", text)][: KEY_JUDGMENTS_SHOWN + 5]
    for m in words:
        workspace.add_claim(sample_article.id, "other", start=m.start(), end=m.end(), status="false")
    document = docx.Document(__import__("io").BytesIO(render("docx", [workspace.article(sample_article.id)])))
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert len(bullets) == KEY_JUDGMENTS_SHOWN
    assert any(p.text.startswith("\u2026 and 5 more false or disputed claims") for p in document.paragraphs)


def test_sections_are_a_list_another_section_can_join(desk):
    """Issue 9 adds "Conflicting reports" by inserting a builder; the others need no change."""
    from desktop_app.core.exporters import Selection
    from desktop_app.core.exporters.docx_briefing import claims_table

    def conflicting_reports(b):
        b.heading("Conflicting reports")
        b.table(["Figure", "Reports"], [["3 injured", "2"]], [8.5, 8.5])

    sections = list(SECTIONS)
    sections.insert(sections.index(claims_table), conflicting_reports)
    from datetime import datetime, timezone

    data = build(Selection((desk.ws.article(desk.article_id),), {}, datetime.now(timezone.utc)), ExportOptions(),
                 sections=sections)
    headings = [p.text for p in docx.Document(__import__("io").BytesIO(data)).paragraphs
                if p.style.name == "Heading 1"]
    assert headings == ["Summary", "USA attacks pro-Iranian militias in Iraq", "Conflicting reports", "Claims",
                        "Sources"]


def test_every_verdict_has_a_word_highlight():
    from desktop_app.core.exporters.docx_briefing import highlight_value

    for status, term in taxonomy.statuses().items():
        assert term.word_highlight in WD_COLOR_INDEX.__members__
        assert highlight_value(status) == HIGHLIGHT[status]


def test_several_articles_are_numbered_and_claims_numbered_across_them(workspace, tmp_path):
    ws = workspace
    desk = build_desk(ws)
    other = ws.import_text("Second report\n\nFour soldiers were injured, a spokesman said.\n\nNo one else was hurt.")
    claim = ws.add_claim(other.id, "casualty", quote="Four soldiers were injured", status="disputed",
                         rationale="The first report says three")
    empty = ws.import_text("Third report\n\nNothing checkable here.")
    path = export(ws, [desk.article_id, other.id, empty.id], "docx", tmp_path / "three.docx")
    document = docx.Document(path)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Summary", "Article 1: USA attacks pro-Iranian militias in Iraq", "Article 2: Second report",
                        "Article 3: Third report", "Claims", "Sources"]
    assert document.paragraphs[0].text == "Briefing on 3 articles"
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert "DISPUTED Claim 11: \u201cFour soldiers were injured\u201d (article 2) \u2014 The first report says three" \
        in bullets
    runs = comment_runs(document)
    eleventh = next(c for c in document.comments if c.text.startswith("Claim 11 "))
    assert "".join(t for t, _ in runs[str(eleventh.comment_id)]) == claim.text
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "No.")
    assert table.rows[11].cells[1].text.split("\n") == ["Four soldiers were injured", "4 injured (soldiers)", "Article 2"]
    assert table.rows[1].cells[1].text.split("\n") == ["Three soldiers are injured", "3 injured (US soldiers)",
                                                       "Article 1"]
    text = [p.text for p in document.paragraphs]
    assert "0 claims marked." in text


def test_a_row_taller_than_a_page_may_break_across_pages_short_rows_may_not(desk):
    """Word cuts off a row that must stay whole but is taller than the page."""
    from datetime import datetime, timezone

    from desktop_app.core.exporters import Selection
    from desktop_app.core.exporters.docx_briefing import P, Briefing, run

    b = Briefing(Selection((), {}, datetime.now(timezone.utc)), ExportOptions(), lambda: None)
    b.table(["Source", "Cited by"], [["short", "1"], ["long", [P(run(f"claim {n}")) for n in range(400)]]],
            [8.5, 8.5], keep_together=False)
    table = etree.fromstring(f'<w:body xmlns:w="{W[1:-1]}">{b._body[0]}</w:body>')[0]
    rows = table.findall(W + "tr")
    assert [r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows] == [True, True, False]
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None


def test_a_briefing_that_ends_in_a_table_still_ends_its_body_with_a_paragraph(desk):
    from datetime import datetime, timezone

    from desktop_app.core.exporters import Selection
    from desktop_app.core.exporters.docx_briefing import page_setup

    def only_a_table(b):
        b.table(["Figure", "Reports"], [["3 injured", "2"]], [8.5, 8.5])

    data = build(Selection((desk.ws.article(desk.article_id),), {}, datetime.now(timezone.utc)), ExportOptions(),
                 sections=[page_setup, only_a_table])
    body = docx.Document(__import__("io").BytesIO(data)).element.body
    assert [child.tag for child in body][-2:] == [W + "p", W + "sectPr"]
    assert body.findall(W + "tbl")
