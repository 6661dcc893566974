"""The Word briefing: what leaves the desk, written for an editor or commander who reads it cold.

Cover (title, analyst, date, handling line), summary (counts, key judgments, a chart
and the colour legend), each article with its claims highlighted in the colour of
their verdict and a Word comment on each, the claims table and the sources appendix.

The document is a list of section builders (`SECTIONS`), each a function of the
`Briefing` being built; a new section (say "Conflicting reports") is one more
function inserted into that list, using `Briefing.heading/paragraph/table/add`.

How it is built: python-docx makes the package (styles, header and footer, page
setup, pictures, hyperlink relationships, properties, comments part) and writes it;
the body and the comments, which for a thousand claims are tens of thousands of
runs, are written as WordprocessingML text (every value escaped) and put in place
of a marker paragraph and a marker comment as the package is written. Going through
python-docx's objects for those would cost seconds (its comment ids are found by
scanning all comments, and lxml moves big trees between documents in quadratic time).
Everything uses real Word styles (Title, Subtitle, Heading 1-2, List Bullet, a table
style and a few named ones added here) so an editor can restyle the whole briefing.
"""
from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from datetime import timezone
from typing import NamedTuple

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Pt, RGBColor
from lxml import etree

from .. import taxonomy
from ..groups.briefing import briefing_section
from ..records import ArticleRecord, ClaimRecord
from . import ExportOptions, Selection, Step, register
from . import briefing as bf

W_NS = nsdecls("w", "r")
TABLE_STYLE = "Light Grid Accent 1"
_BODY_MARKER = "CLAIMDESK-BRIEFING-BODY"
_COMMENTS_MARKER = "CLAIMDESK-BRIEFING-COMMENTS"


# --- WordprocessingML as text ------------------------------------------------------------------

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NEEDS_ESCAPE = re.compile("[&<>\"\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def esc(text: str) -> str:
    """Text safe inside an element or attribute (imported articles may hold control characters)."""
    if not _NEEDS_ESCAPE.search(text):
        return text
    return _INVALID_XML.sub("", text).translate(_ESCAPES)


def highlight_value(status: str) -> str | None:
    """The w:highlight value of a verdict, from the taxonomy's WD_COLOR_INDEX name (or its XML name)."""
    return _highlights().get(status)


def _highlights() -> dict[str, str | None]:
    global _HIGHLIGHTS
    if _HIGHLIGHTS is None:
        by_xml = {m.xml_value.lower(): m.xml_value for m in WD_COLOR_INDEX if m.xml_value}
        out: dict[str, str | None] = {}
        for name, term in taxonomy.statuses().items():
            value = term.word_highlight or ""
            member = WD_COLOR_INDEX.__members__.get(value)
            out[name] = member.xml_value if member is not None else by_xml.get(value.lower())
        _HIGHLIGHTS = out
    return _HIGHLIGHTS


_HIGHLIGHTS: dict[str, str | None] | None = None


def rpr(style: str | None = None, *, bold: bool = False, italic: bool = False, color: str | None = None,
        size: float | None = None, highlight: str | None = None) -> str:
    """Run properties, in the element order the schema requires (Word refuses other orders)."""
    parts = []
    if style:
        parts.append(f'<w:rStyle w:val="{style}"/>')
    if bold:
        parts.append("<w:b/>")
    if italic:
        parts.append("<w:i/>")
    if color:
        parts.append(f'<w:color w:val="{color}"/>')
    if size:
        parts.append(f'<w:sz w:val="{int(size * 2)}"/><w:szCs w:val="{int(size * 2)}"/>')
    if highlight:
        parts.append(f'<w:highlight w:val="{highlight}"/>')
    return "<w:rPr>" + "".join(parts) + "</w:rPr>" if parts else ""


def run(text: str, props: str = "") -> str:
    if text[:1].isspace() or text[-1:].isspace():
        return f'<w:r>{props}<w:t xml:space="preserve">{esc(text)}</w:t></w:r>'
    return f"<w:r>{props}<w:t>{esc(text)}</w:t></w:r>"


def para(content: str, style: str | None = None, *, keep_next: bool = False, page_break: bool = False,
         align: str | None = None, space_after: float | None = None) -> str:
    """A paragraph; `style` is a style id (Briefing.styles.id("Heading 1") gives one)."""
    ppr = []
    if style:
        ppr.append(f'<w:pStyle w:val="{style}"/>')
    if keep_next:
        ppr.append("<w:keepNext/>")
    if page_break:
        ppr.append("<w:pageBreakBefore/>")
    if space_after is not None:
        ppr.append(f'<w:spacing w:after="{int(space_after * 20)}"/>')
    if align:
        ppr.append(f'<w:jc w:val="{align}"/>')
    return "<w:p>" + ("<w:pPr>" + "".join(ppr) + "</w:pPr>" if ppr else "") + content + "</w:p>"


class P(NamedTuple):
    """A paragraph of a table cell: its runs, and optionally a style name (default "Table Text") and alignment."""

    content: str
    style: str | None = None
    align: str | None = None


Cell = str | Sequence[P]  # plain text, or paragraphs


#: Rows whose XML is longer than this may hold more than a page of text, so they may break across pages.
_ROW_SPLIT_XML = 12_000


def _twips(cm: float) -> int:
    return int(round(cm * 567))


def _comment_end(cid: int) -> str:
    return (f'<w:commentRangeEnd w:id="{cid}"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
            f'<w:commentReference w:id="{cid}"/></w:r>')


# --- the document being built ------------------------------------------------------------------

class Briefing:
    """The document being built, and what every section builder needs to know."""

    def __init__(self, selection: Selection, options: ExportOptions, step: Step):
        self.selection = selection
        self.options = options
        self.step = step
        self.numbers = bf.numbering(selection.articles)
        self.title = options.title or bf.default_title(selection.articles)
        self.doc = docx.Document()
        self.styles = _Styles(self.doc)
        self._body: list[str] = []
        self._comments: list[str] = []

    # writing into the body, in order
    def add(self, xml: str) -> None:
        """Append WordprocessingML (paragraphs, tables) to the body."""
        self._body.append(xml)

    def heading(self, text: str, level: int = 1, *, page_break: bool = False) -> None:
        self.add(para(run(text), self.styles.id(f"Heading {level}"), page_break=page_break))

    def paragraph(self, text: str, style: str | None = None, **kw) -> None:
        self.add(para(run(text), self.styles.id(style) if style else None, **kw))

    def table(self, header: Sequence[str], rows: Sequence[Sequence[Cell]], widths_cm: Sequence[float], *,
              style: str = TABLE_STYLE, header_row: bool = True, keep_together: bool | None = None) -> None:
        """A table in a real Word table style; the header row repeats on every page.

        A short table (up to 12 rows) is kept on one page by keeping each row with the next.
        """
        if keep_together is None:
            keep_together = len(rows) <= 12
        text_style = self.styles.id("Table Text")
        widths = [_twips(w) for w in widths_cm]
        # Both spellings of the look: the hex mask (Word 2007, LibreOffice) and the attributes (Word 2010+).
        look = ('w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" '
                'w:noVBand="1"' if header_row else
                'w:val="0600" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" '
                'w:noVBand="1"')
        out = [f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.styles.id(style)}"/>'
               f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
               f'<w:tblLook {look}/></w:tblPr><w:tblGrid>']
        out += [f'<w:gridCol w:w="{w}"/>' for w in widths]
        out.append("</w:tblGrid>")
        all_rows = ([(header, True)] if header_row else []) + [(r, False) for r in rows]
        last = len(all_rows) - 1
        for i, (cells, head) in enumerate(all_rows):
            keep = keep_together and i < last
            tcs = []
            for width, cell in zip(widths, cells):
                if isinstance(cell, str):
                    cell = [P(run(cell, rpr(bold=True) if head else ""))]
                body = "".join(para(p.content, self.styles.id(p.style) if p.style else text_style,
                                    align=p.align, keep_next=keep) for p in cell) \
                    or para("", text_style, keep_next=keep)
                tcs.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{body}</w:tc>')
            # A row is kept whole on a page unless it could be taller than a page (it would be cut off).
            whole = "<w:cantSplit/>" if sum(map(len, tcs)) < _ROW_SPLIT_XML else ""
            out.append(f"<w:tr><w:trPr>{whole}{'<w:tblHeader/>' if head else ''}</w:trPr>{''.join(tcs)}</w:tr>")
        out.append("</w:tbl>")
        self.add("".join(out))

    def picture(self, png: bytes, width_cm: float) -> None:
        """A centred picture (the image part and its relationship made by python-docx)."""
        inline = self.doc.part.new_pic_inline(io.BytesIO(png), width=Cm(width_cm))
        drawing = etree.tostring(inline, encoding="unicode")
        self.add(para(f"<w:r><w:drawing>{drawing}</w:drawing></w:r>", align="center"))

    def hyperlink(self, url: str, text: str | None = None, props: str | None = None) -> str:
        """A clickable web link (only http/https: an imported document's other schemes stay plain text)."""
        if not url.lower().startswith(("http://", "https://")):
            return run(text or url, props or "")
        rid = self.doc.part.relate_to(url, RT.HYPERLINK, is_external=True)
        return f'<w:hyperlink r:id="{rid}">{run(text or url, props or rpr(self.styles.id("Hyperlink")))}</w:hyperlink>'

    # comments
    def comment(self, claim: ClaimRecord) -> int | None:
        """A Word comment on `claim` (type, verdict, rationale, fields, note, graded sources); its id."""
        if not self.options.comments:
            return None
        cid = len(self._comments)
        verdict = self.selection.verdicts.get(claim.id)
        author = (verdict.analyst if verdict else None) or claim.updated_by or claim.analyst or "analyst"
        at = (verdict.at if verdict else None) or claim.updated_at
        initials = "".join(w[0] for w in re.split(r"[\s._-]+", author) if w)[:3].upper() or "A"
        lines = [run(f"Claim {self.numbers[claim.id]} \u00b7 {bf.type_label(claim.type)} \u00b7 ", rpr(bold=True))
                 + run(bf.status_label(claim.status).upper(), rpr(bold=True, highlight=highlight_value(claim.status)))]
        rationale = self.selection.rationale(claim.id)
        if rationale:
            lines.append(run("Why: ", rpr(bold=True)) + run(rationale))
        fields = bf.fields_text(claim)
        if fields:
            lines.append(run("Details: ", rpr(bold=True)) + run(fields))
        if claim.note:
            lines.append(run("Note: ", rpr(bold=True)) + run(claim.note))
        if claim.sources:
            lines.append(run("Sources: ", rpr(bold=True)) + run(bf.sources_text(claim)))
        else:
            lines.append(run("Sources: none linked yet.", rpr(italic=True)))
        ref = '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>'
        paras = [para((ref if i == 0 else "") + line, "CommentText") for i, line in enumerate(lines)]
        stamp = at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        self._comments.append(f'<w:comment w:id="{cid}" w:author="{esc(author)}" w:date="{stamp}" '
                              f'w:initials="{esc(initials)}">{"".join(paras)}</w:comment>')
        return cid

    def finish(self) -> bytes:
        """Write the package with python-docx's writer, the body and comments in place of their markers."""
        if self._body and self._body[-1].endswith("</w:tbl>"):
            self.add(para(""))  # Word wants a paragraph, not a table, just before the section properties
        self.doc.add_paragraph(_BODY_MARKER)
        document = self.doc.part
        comments = None
        if self._comments:
            self.doc.comments.add_comment(text=_COMMENTS_MARKER)
            comments = document._comments_part
        package = document.package
        for rid, rel in list(package.rels.items()):
            if rel.reltype == RT.THUMBNAIL:  # python-docx's template thumbnail is not this document
                del package.rels[rid]
        parts = []
        for part in package.iter_parts():
            part.before_marshal()
            if part is document:
                part = _Spliced(part, _BODY_MARKER, ("<w:p>", "<w:p "), "</w:p>", self._body)
            elif part is comments:
                part = _Spliced(part, _COMMENTS_MARKER, ("<w:comment ",), "</w:comment>", self._comments)
            parts.append(part)
        out = io.BytesIO()
        PackageWriter.write(out, package.rels, parts)
        return out.getvalue()


class _Spliced:
    """A part as python-docx's PackageWriter sees it, its marker element replaced by ready-made XML."""

    def __init__(self, part, marker: str, opens: tuple[str, ...], close: str, xml: list[str]):
        self.partname, self.content_type, self.rels = part.partname, part.content_type, part.rels
        text = part.blob.decode("utf-8")
        at = text.index(marker)
        start = max(text.rfind(o, 0, at) for o in opens)
        end = text.index(close, at) + len(close)
        self.blob = (text[:start] + "".join(xml) + text[end:]).encode("utf-8")


class _Styles:
    """The named styles the briefing uses: built-in ones looked up, its own added once per document."""

    def __init__(self, doc):
        self.doc = doc
        styles = doc.styles
        normal = styles["Normal"]
        normal.font.name = "Calibri"
        normal.font.size = Pt(10.5)
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing = 1.1

        def add(name, kind, base="Normal"):
            style = styles.add_style(name, kind)
            style.base_style = styles[base] if base else None
            style.quick_style = True
            return style

        s = add("Table Text", WD_STYLE_TYPE.PARAGRAPH)
        s.font.size = Pt(9)
        s.paragraph_format.space_before = Pt(1)
        s.paragraph_format.space_after = Pt(1)
        s.paragraph_format.line_spacing = 1.0
        s = add("Table Note", WD_STYLE_TYPE.PARAGRAPH, "Table Text")
        s.font.size = Pt(8)
        s.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
        s = add("Article Metadata", WD_STYLE_TYPE.PARAGRAPH)
        s.font.size = Pt(9)
        s.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
        s.paragraph_format.space_after = Pt(2)
        s = add("Handling Line", WD_STYLE_TYPE.PARAGRAPH)
        s.font.bold = True
        s.font.size = Pt(9)
        s.font.all_caps = True
        s.font.color.rgb = RGBColor(0x80, 0x00, 0x00)
        s.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        s.paragraph_format.space_after = Pt(0)
        s = add("Cover Detail", WD_STYLE_TYPE.PARAGRAPH, "Table Text")
        s.font.size = Pt(10)
        s = add("Claim Number", WD_STYLE_TYPE.CHARACTER, None)
        s.font.superscript = True
        s.font.bold = True
        s.font.size = Pt(10)
        s.font.color.rgb = RGBColor(0x1F, 0x3A, 0x68)
        s = add("Hyperlink", WD_STYLE_TYPE.CHARACTER, None)
        s.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
        s.font.underline = True
        for name in ("Header", "Footer"):
            styles[name].font.size = Pt(8.5)
        # Word's own comment styles (python-docx's comments reference them but its template lacks them).
        styles.element.append(parse_xml(
            f'<w:style {W_NS} w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/>'
            '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
            '<w:pPr><w:spacing w:after="60" w:line="240" w:lineRule="auto"/></w:pPr>'
            '<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>'))
        styles.element.append(parse_xml(
            f'<w:style {W_NS} w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/>'
            '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
            '<w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>'))
        self._ids: dict[str, str] = {}

    def id(self, name: str) -> str:
        """The style id of a style name (e.g. "Light Grid Accent 1" -> "LightGrid-Accent1")."""
        if name not in self._ids:
            self._ids[name] = self.doc.styles[name].style_id
        return self._ids[name]


# --- sections ----------------------------------------------------------------------------------

def page_setup(b: Briefing) -> None:
    """A4 with 2 cm margins; the handling line in header and footer, page numbers in the footer."""
    section = b.doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.0)
    section.header_distance = section.footer_distance = Cm(1.0)
    handling = (b.options.handling or "").strip()
    header = section.header.paragraphs[0]
    footer = section.footer.paragraphs[0]
    if handling:
        header.text = handling
        header.style = b.doc.styles["Handling Line"]
        footer.text = handling
        footer.style = b.doc.styles["Handling Line"]
        footer = section.footer.add_paragraph()
    footer.style = b.doc.styles["Footer"]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer_xml = run(f"{b.title} \u00b7 Page ") + _field("PAGE") + run(" of ") + _field("NUMPAGES")
    for child in parse_xml(f"<w:p {W_NS}>{footer_xml}</w:p>"):
        footer._p.append(child)
    props = b.doc.core_properties
    props.title = b.title
    props.subject = "Verification briefing"
    props.author = props.last_modified_by = b.options.analyst or ""
    props.comments = handling
    props.keywords = "claims; verification; briefing"
    props.category = handling
    props.created = props.modified = b.selection.generated_at.astimezone(timezone.utc).replace(tzinfo=None)
    props.revision = 1


def _field(instruction: str) -> str:
    return f'<w:fldSimple w:instr=" {instruction} \\* MERGEFORMAT "><w:r><w:t>1</w:t></w:r></w:fldSimple>'


def cover(b: Briefing) -> None:
    """Title, then who wrote it, when, on what, and how to handle it."""
    o, sel = b.options, b.selection
    b.paragraph(b.title, "Title")
    b.paragraph("Verification briefing", "Subtitle")
    scope = "all verdicts" if o.statuses is None else "verdicts " + ", ".join(bf.status_label(s) for s in o.statuses)
    rows = [
        ("Prepared by", o.analyst or ""),
        ("Organisation", o.organisation or ""),
        ("Date", bf.when(sel.generated_at)),
        ("Articles", str(len(sel.articles))),
        ("Claims", f"{len(sel.claims)} ({scope})"),
        ("Handling", o.handling or ""),
    ]
    b.table(["", ""], [[[P(run(k, rpr(bold=True, color="595959")), "Cover Detail")], [P(run(v), "Cover Detail")]]
                       for k, v in rows if v], [3.5, 13.5], style="Normal Table", header_row=False)


_VERDICT_MEANING = {
    "verified": "Confirmed by graded sources.",
    "disputed": "Credible sources disagree with it, or with each other.",
    "false": "Contradicted by reliable sources.",
    "unverifiable": "Cannot be checked with the sources available.",
    "unverified": "Not checked yet.",
}


def summary(b: Briefing) -> None:
    """Counts, the key judgments (false and disputed claims with their rationale), chart and colour legend."""
    sel = b.selection
    claims = sel.claims
    b.heading("Summary")
    b.paragraph(bf.counts_sentence(sel))

    b.heading("Key judgments", 2)
    judgments = bf.key_judgments(sel, b.numbers)
    bullet = b.styles.id("List Bullet")
    if not judgments:
        b.paragraph("No claim in this briefing was found false or disputed.")
    article_number = {a.id: n for n, a in enumerate(sel.articles, start=1)}
    for k in judgments[:bf.KEY_JUDGMENTS_SHOWN]:
        where = f" (article {article_number[k.article.id]})" if len(sel.articles) > 1 else ""
        b.add(para(run(bf.status_label(k.claim.status).upper(),
                       rpr(bold=True, highlight=highlight_value(k.claim.status)))
                   + run(f" Claim {k.number}: ", rpr(bold=True))
                   + run(f"\u201c{k.claim.text}\u201d{where}")
                   + run(" \u2014 " + (k.rationale or "no rationale recorded"), rpr(italic=not k.rationale)),
                   bullet))
    if len(judgments) > bf.KEY_JUDGMENTS_SHOWN:
        b.paragraph(f"\u2026 and {len(judgments) - bf.KEY_JUDGMENTS_SHOWN} more false or disputed claims, "
                    "listed with their rationale in the claims table.")

    counts = bf.counts_by_status(claims)
    b.heading("Claims by verdict", 2)
    if claims:
        from .chart import status_bars

        b.picture(status_bars(counts), 11.2)
    total = len(claims) or 1
    rows = [[[P(run(f" {bf.status_label(s)} ", rpr(bold=True, highlight=highlight_value(s))))],
             [P(run(str(n)), align="right")],
             [P(run(f"{round(100 * n / total)}%" if claims else "\u2013"), align="right")],
             [P(run(_VERDICT_MEANING.get(s, "")))]]
            for s, n in counts.items()]
    b.table(["Verdict", "Claims", "Share", "Meaning"], rows, [3.2, 1.8, 1.8, 10.2])
    b.paragraph("In the article text, each claim is highlighted in the colour of its verdict above and "
                "followed by its number in the claims table; where claims overlap, the more severe verdict's "
                "colour shows." + (" Each claim carries a Word comment with its type, verdict, rationale and "
                                   "graded sources." if b.options.comments else ""), "Table Note", space_after=6)

    by_type = bf.counts_by_type(claims)
    if by_type:
        b.heading("Claims by type", 2)
        statuses = bf.verdict_order()
        rows = [[bf.type_label(t)]
                + [[P(run(str(row[s]) if row[s] else "\u2013"), align="center")] for s in statuses]
                + [[P(run(str(sum(row.values())), rpr(bold=True)), align="center")]]
                for t, row in by_type.items()]
        widths = [2.7] + [12.9 / len(statuses)] * len(statuses) + [1.4]
        b.table(["Type"] + [bf.status_label(s) for s in statuses] + ["Total"], rows, widths)


def articles(b: Briefing) -> None:
    """Each article: its provenance, then its text with every claim highlighted and commented."""
    meta_style = b.styles.id("Article Metadata")
    several = len(b.selection.articles) > 1
    for index, article in enumerate(b.selection.articles, start=1):
        b.heading(f"Article {index}: {article.title}" if several else article.title, 1, page_break=True)
        for label, value in bf.article_meta(article):
            value_xml = b.hyperlink(value) if label == "URL" else run(value)
            b.add(para(run(f"{label}: ", rpr(bold=True)) + value_xml, meta_style))
        claims = article.claims
        numbers = [b.numbers[c.id] for c in claims]
        span = "" if not claims else f" (number {numbers[0]})" if len(claims) == 1 else \
            f" (numbers {numbers[0]}\u2013{numbers[-1]})"
        b.add(para(run(f"{len(claims)} claim{'s' if len(claims) != 1 else ''} marked{span}."), meta_style,
                   space_after=None if b.options.full_text and claims else 10))
        if b.options.full_text and claims:
            b.add(_legend(b, meta_style))
        if b.options.full_text:
            _full_text(b, article)
        else:
            _claims_only(b, article)
        b.step()


def _legend(b: Briefing, style: str) -> str:
    """One line repeating the colour key beside the text, for a reader who starts at an article."""
    keys = [run(f" {bf.status_label(s)} ", rpr(color="000000", highlight=highlight_value(s))) + run(" ")
            for s in bf.verdict_order()]
    return para(run("Highlights: ", rpr(bold=True)) + "".join(keys) + run("\u2014 numbers refer to the claims table."),
                style, space_after=10)


def _full_text(b: Briefing, article: ArticleRecord) -> None:
    """The article's paragraphs, split into runs at every claim boundary.

    A run under several claims takes the most severe verdict's highlight; each comment
    spans exactly its claim's runs (ranges may overlap and cross paragraphs); the claim's
    number follows its last run.
    """
    text = article.text
    paras = bf.paragraphs(text)
    placed = [c for c in article.claims if c.anchor != "orphaned" and 0 <= c.start < c.end <= len(text)]
    # The first line repeats the title the heading already shows; leave it out unless a claim is on it.
    if paras and text[paras[0][0]:paras[0][1]].strip() == article.title.strip() \
            and not any(c.start < paras[0][1] for c in placed):
        paras = paras[1:]
    opens: dict[int, list[ClaimRecord]] = {}
    closes: dict[int, list[ClaimRecord]] = {}
    for c in placed:
        spans = [(max(s, c.start), min(e, c.end)) for s, e in paras if s < c.end and e > c.start]
        if spans:
            opens.setdefault(spans[0][0], []).append(c)
            closes.setdefault(spans[-1][1], []).append(c)
    shown = [c for group in opens.values() for c in group]
    shown_ids = {c.id for c in shown}
    comment_ids = {c.id: b.comment(c) for c in article.claims}
    number_style = rpr(b.styles.id("Claim Number"))
    props = {s: rpr(highlight=highlight_value(s)) for s in taxonomy.statuses()}
    out = []
    for p_start, p_end in paras:
        parts = ["<w:p>"]
        for seg in bf.segments(p_start, p_end, shown):
            for c in opens.get(seg.start, ()):
                if comment_ids[c.id] is not None:
                    parts.append(f'<w:commentRangeStart w:id="{comment_ids[c.id]}"/>')
            if not seg.claims:
                parts.append(run(text[seg.start:seg.end]))
            else:
                status = seg.claims[0].status if len(seg.claims) == 1 else bf.most_severe(c.status for c in seg.claims)
                parts.append(run(text[seg.start:seg.end], props.get(status) or rpr(highlight=highlight_value(status))))
            ending = closes.get(seg.end)
            if ending:
                parts += [_comment_end(comment_ids[c.id]) for c in ending if comment_ids[c.id] is not None]
                parts.append(run(",".join(str(b.numbers[c.id]) for c in ending), number_style))
        parts.append("</w:p>")
        out.append("".join(parts))
    unplaced = [c for c in article.claims if c.id not in shown_ids]
    if unplaced:
        out.append(para(run("Claims that could not be placed in the current text of this article:",
                            rpr(italic=True))))
        out += [_claim_item(b, c, comment_ids[c.id]) for c in unplaced]
    b.add("".join(out))


def _claim_item(b: Briefing, c: ClaimRecord, cid: int | None) -> str:
    """One claim as a list line: its number, its quoted text (highlighted, commented), type and verdict."""
    quote = run(f"\u201c{c.text}\u201d", rpr(highlight=highlight_value(c.status)))
    if cid is not None:
        quote = f'<w:commentRangeStart w:id="{cid}"/>{quote}{_comment_end(cid)}'
    return para(run(f"{b.numbers[c.id]}.\u2002", rpr(bold=True)) + quote
                + run(f" \u2014 {bf.type_label(c.type)}, {bf.status_label(c.status).lower()}", rpr(color="595959")))


def _claims_only(b: Briefing, article: ArticleRecord) -> None:
    """The claims of an article as a numbered list of quotes, each commented, without the full text."""
    out = [_claim_item(b, c, b.comment(c)) for c in article.claims]
    if not article.claims:
        out.append(para(run("No claims with the chosen verdicts.", rpr(italic=True))))
    b.add("".join(out))


def claims_table(b: Briefing) -> None:
    """Every claim on one line: number, text, type, verdict, sources, rationale and note."""
    b.heading("Claims", page_break=True)
    claims = b.selection.claims
    if not claims:
        b.paragraph("No claims with the chosen verdicts.")
        return
    several = len(b.selection.articles) > 1
    source_numbers = {cs.source.id: cs.number for cs in bf.source_index(b.selection.articles, b.numbers)}
    bold, grey = rpr(bold=True), rpr(color="595959")
    none = [P(run("\u2013"))]
    rows = []
    for index, a in enumerate(b.selection.articles, start=1):
        for c in a.claims:
            text_cell = [P(run(c.text))]
            details = bf.fields_text(c)
            if details:
                text_cell.append(P(run(details), "Table Note"))
            if several:
                text_cell.append(P(run(f"Article {index}"), "Table Note"))
            sources = [P(run(f"S{source_numbers[link.source.id]} ") + run(link.grade, bold)
                         + run(f" {link.relation}", grey)) for link in c.sources] or none
            rationale = b.selection.rationale(c.id)
            notes = ([P(run(rationale))] if rationale else []) \
                + ([P(run("Note: ", bold) + run(c.note))] if c.note else [])
            rows.append([[P(run(str(b.numbers[c.id]), bold), align="right")], text_cell, bf.type_label(c.type),
                         [P(run(bf.status_label(c.status), rpr(highlight=highlight_value(c.status))))],
                         sources, notes])
    b.table(["No.", "Claim", "Type", "Verdict", "Sources", "Rationale and note"], rows,
            [1.3, 4.5, 2.2, 2.4, 2.3, 4.3])
    b.paragraph("Sources are numbered as in the appendix (S1, S2, ...), each with its grade for this claim "
                "and whether it supports, contradicts or gives context to it.", "Table Note")


def sources_appendix(b: Briefing) -> None:
    """Each source once: where it is, who published it, how reliable, when read, which claims cite it."""
    b.heading("Sources", page_break=True)
    cited = bf.source_index(b.selection.articles, b.numbers)
    if not cited:
        b.paragraph("No sources are linked to these claims yet.")
    else:
        rows = []
        for cs in cited:
            s = cs.source
            where = [P(run(bf.source_name(s), rpr(bold=True)))]
            if s.url:
                where.append(P(b.hyperlink(s.url, props=rpr(color="0563C1", size=8)), "Table Note"))
            elif s.citation:
                where.append(P(run(s.citation), "Table Note"))
            publisher = [P(run(s.publisher or "\u2013"))] + ([P(run(s.kind), "Table Note")] if s.kind else [])
            grade = s.reliability or "?"
            reliability = [P(run(grade, rpr(bold=True)) + run(f" {bf.RELIABILITY.get(grade, 'not graded')}"))]
            cites = [P(run(grade, rpr(bold=True)) + run(f" {relation}: ", rpr(color="595959"))
                       + run(", ".join(str(n) for n in numbers))) for grade, relation, numbers in bf.citations_by_grade(cs)]
            rows.append([[P(run(f"S{cs.number}", rpr(bold=True)))], where, publisher, reliability,
                         s.accessed or "\u2013", cites])
        b.table(["No.", "Source", "Publisher", "Reliability", "Accessed", "Cited by claims (grade)"], rows,
                [1.1, 4.6, 2.5, 2.5, 2.3, 4.0])
    b.heading("How sources are graded", 2)
    b.paragraph("Grades follow the Admiralty (NATO) system: a letter for the reliability of the source, "
                "a digit for the credibility of the information it gave for this claim (\u201cB2\u201d: usually "
                "reliable source, information probably true; \u201c?\u201d: not graded).", "Table Note")
    b.paragraph("Reliability: " + "; ".join(f"{k} {v}" for k, v in bf.RELIABILITY.items()) + ".", "Table Note")
    b.paragraph("Credibility: " + "; ".join(f"{k} {v}" for k, v in bf.CREDIBILITY.items()) + ".", "Table Note")


def conflicting_reports(b: Briefing) -> None:
    """Reports of the same claim that disagree (figures, quote wording, attribution), each side with where it ran."""
    if not b.selection.discrepancies:
        return
    section = briefing_section(b.selection.discrepancies)
    b.heading(section.heading, page_break=True)
    b.paragraph(section.intro)
    rows = [[[P(run(row.claim, rpr(bold=True)))], row.kind, [P(run(line)) for line in row.reports]]
            for row in section.rows]
    b.table(list(section.columns), rows, [4.0, 3.0, 10.0])


Section = Callable[[Briefing], None]

#: The briefing, in order. Add a section by inserting its builder here
#: (e.g. SECTIONS.insert(SECTIONS.index(claims_table), conflicting_reports)).
SECTIONS: list[Section] = [page_setup, cover, summary, conflicting_reports, articles, claims_table, sources_appendix]


def build(selection: Selection, options: ExportOptions, step: Step = lambda: None,
          sections: Sequence[Section] | None = None) -> bytes:
    b = Briefing(selection, options, step)
    for section in sections if sections is not None else SECTIONS:
        section(b)
    return b.finish()


@register("docx", ".docx", "Word briefing (.docx)")
def render(selection: Selection, options: ExportOptions, step: Step) -> bytes:
    return build(selection, options, step)
