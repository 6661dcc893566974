"""Make the realistic import fixtures in tests/data/fixtures from the sample article.

    .venv/bin/python scripts/make_fixtures.py

Writes the sample article (seeds/usa-attacks-pro-iranian-militias-in-iraq.txt) as
- three saved web pages with different site chrome (news site, blog, magazine),
- a Word file (python-docx) and, through LibreOffice, a PDF of it,
- a PDF over several pages with a running head and page numbers,
- a two-column justified PDF with hyphenated line ends (soft hyphens, LibreOffice),
- a Word file with a table and a footnote (flat ODT through LibreOffice),
- a scanned PDF (an image, no text layer; Pillow),
- Windows-1252 and UTF-16 text files.
The outputs are small and committed; run again only when the sample or the chrome changes.
Needs LibreOffice (`soffice`) on PATH for the PDFs and the footnote file.
"""
from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "seeds" / "usa-attacks-pro-iranian-militias-in-iraq.txt"
OUT = REPO / "tests" / "data" / "fixtures"

TITLE = "USA attacks pro-Iranian militias in Iraq"
AUTHOR = "Anna Berger"
DATE = "2023-12-26"
SITE = "Daily Ledger"
CANONICAL = "https://www.dailyledger.example/world/usa-attacks-pro-iranian-militias-in-iraq-1234.html"


def sample_parts() -> tuple[str, str, list[tuple[str, str]]]:
    """(title, teaser, [(kind, text)]) where kind is 'p' or 'h2'; drops the 'Read also:'/'Source:' tail."""
    paras = [p.strip() for p in SAMPLE.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    title, teaser, rest = paras[0], paras[1], paras[2:]
    body: list[tuple[str, str]] = []
    for p in rest:
        if p.startswith(("Read also:", "Source:")):
            continue
        body.append(("h2" if len(p) < 60 and not p.endswith(".") else "p", p))
    return title, teaser, body


def _e(s: str) -> str:
    return html.escape(s, quote=True)


def _body_html(teaser: str, body) -> str:
    out = [f'<p class="teaser"><strong>{_e(teaser)}</strong></p>']
    for i, (kind, text) in enumerate(body):
        out.append(f"<{kind}>{_e(text)}</{kind}>")
        if i == 2:
            out.append('<div class="ad ad-inline" data-ad-slot="inarticle-1"><span>Advertisement</span>'
                       '<p>Refinance now: rates as low as 2.9% APR. Check your offer today.</p></div>')
    return "\n      ".join(out)


def news_page(title, teaser, body) -> str:
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{_e(title)} | {SITE}</title>
  <meta name="author" content="{AUTHOR}">
  <meta property="og:site_name" content="{SITE}">
  <meta property="og:title" content="{_e(title)}">
  <meta property="og:type" content="article">
  <meta property="article:published_time" content="{DATE}T09:14:00+01:00">
  <meta name="description" content="{_e(teaser)}">
  <link rel="canonical" href="{CANONICAL}">
  <link rel="stylesheet" href="/static/css/site.css">
</head>
<body>
  <div id="cookie-banner" class="cookie-consent" role="dialog">
    <p>We use cookies to personalise content and ads and to analyse our traffic. By clicking
    "Accept all" you agree to our use of cookies and to the sharing of data with 143 partners.</p>
    <button>Accept all</button> <button>Manage preferences</button>
  </div>
  <header class="site-header">
    <a class="logo" href="/">{SITE}</a>
    <nav class="main-nav"><ul>
      <li><a href="/">Home</a></li><li><a href="/world/">World</a></li><li><a href="/politics/">Politics</a></li>
      <li><a href="/business/">Business</a></li><li><a href="/sport/">Sport</a></li><li><a href="/opinion/">Opinion</a></li>
    </ul></nav>
    <div class="ad ad-leaderboard"><span>Advertisement</span><p>Summer sale: 40% off all flights to the sun.</p></div>
  </header>
  <nav class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/world/">World</a> &gt; <a href="/world/middle-east/">Middle East</a></nav>
  <main>
    <article class="story">
      <h1>{_e(title)}</h1>
      <div class="byline">By <span class="author">{AUTHOR}</span> &middot; <time datetime="{DATE}T09:14:00+01:00">26 December 2023</time></div>
      <div class="share"><a href="https://share.example/fb">Share</a> <a href="https://share.example/x">Post</a> <a href="mailto:?subject=story">Email</a></div>
      {_body_html(teaser, body)}
      <p class="tags">Topics: <a href="/tag/iraq">Iraq</a>, <a href="/tag/usa">USA</a></p>
    </article>
    <aside class="related">
      <h3>Read also:</h3>
      <ul>
        <li><a href="/world/houthis-red-sea-shipping-567.html">Houthis threaten Red Sea shipping again</a></li>
        <li><a href="/world/erbil-airbase-history-890.html">What is the Erbil air base and who uses it?</a></li>
        <li><a href="/politics/austin-pentagon-profile-112.html">Lloyd Austin: the quiet general at the Pentagon</a></li>
      </ul>
    </aside>
    <section id="comments" class="comments">
      <h3>Comments (3)</h3>
      <div class="comment"><span class="comment-author">realist42</span><p>This will only make things worse for everyone in the region.</p></div>
      <div class="comment"><span class="comment-author">peace_now</span><p>Another escalation nobody voted for. Shameful.</p></div>
      <div class="comment"><span class="comment-author">mk_ultra</span><p>Who benefits? Follow the money.</p></div>
      <form class="comment-form"><textarea>Write a comment</textarea><button>Post comment</button></form>
    </section>
  </main>
  <footer class="site-footer">
    <p>&copy; 2023 {SITE} Media Group. All rights reserved.</p>
    <ul><li><a href="/imprint">Imprint</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul>
    <p>Newsletter: get the day's top stories in your inbox every morning. <a href="/newsletter">Sign up</a></p>
  </footer>
</body>
</html>
"""


def blog_page(title, teaser, body) -> str:
    """A blog layout: no <article>, a sidebar before the post, a long comment thread."""
    return f"""<!DOCTYPE html>
<html>
<head>
  <meta http-equiv="Content-Type" content="text/html; charset=utf-8">
  <title>{_e(title)} &ndash; Frontline Notes</title>
  <meta name="author" content="J. Moreau">
  <meta name="date" content="2023-12-27">
  <link rel="canonical" href="https://frontline-notes.example/2023/12/27/usa-attacks-militias/">
</head>
<body class="blog">
  <div id="wrapper">
    <div id="topbar"><a href="/">Frontline Notes</a> | <a href="/about">About</a> | <a href="/archive">Archive</a> | <a href="/contact">Contact</a></div>
    <div id="sidebar">
      <h4>Recent posts</h4>
      <ul><li><a href="/p/1">Mapping the militias of Iraq</a></li><li><a href="/p/2">A year of drone strikes in numbers</a></li>
      <li><a href="/p/3">Reading casualty figures critically</a></li></ul>
      <h4>Support this blog</h4><p>If you like what you read, buy me a coffee. Every little helps keep the lights on.</p>
      <h4>Tags</h4><p><a href="/t/iraq">iraq</a> <a href="/t/syria">syria</a> <a href="/t/usa">usa</a> <a href="/t/iran">iran</a></p>
    </div>
    <div id="content">
      <div class="post">
        <h2 class="post-title">{_e(title)}</h2>
        <div class="post-meta">Posted on December 27, 2023 by J. Moreau in <a href="/c/news">News</a></div>
        <div class="entry">
      {_body_html(teaser, body)}
        </div>
        <div class="post-footer">Filed under <a href="/c/news">News</a>. <a href="#respond">Leave a reply</a></div>
      </div>
      <div id="comments">
        <h3>12 thoughts on &ldquo;{_e(title)}&rdquo;</h3>
        <ol class="commentlist">
          <li><cite>Tom</cite> says: <p>Great summary, thanks. I had not seen the numbers for Syria before.</p></li>
          <li><cite>Aisha</cite> says: <p>The figure of 100 attacks seems low to me; local reports count many more incidents.</p></li>
          <li><cite>G. Brandt</cite> says: <p>Could you write a follow-up on the legal basis for these strikes?</p></li>
          <li><cite>Anon</cite> says: <p>Nice try, but you forgot to mention who started all this in the first place.</p></li>
        </ol>
        <div id="respond"><h3>Leave a Reply</h3><p>Your email address will not be published.</p></div>
      </div>
    </div>
    <div id="footer">Powered by a blog engine. Theme by someone. &copy; Frontline Notes 2023.</div>
  </div>
</body>
</html>
"""


def magazine_page(title, teaser, body) -> str:
    """Div soup without semantic tags: paragraphs in divs, promo boxes interleaved."""
    paras = [f'<div class="txt-block"><strong>{_e(teaser)}</strong></div>']
    for i, (kind, text) in enumerate(body):
        cls = "txt-subhead" if kind == "h2" else "txt-block"
        paras.append(f'<div class="{cls}">{_e(text)}</div>')
        if i == 4:
            paras.append('<div class="promo-box"><div class="promo-title">MORE FROM WORLD DESK</div>'
                         '<div><a href="/x/1">Syria: ceasefire talks stall in Geneva</a></div>'
                         '<div><a href="/x/2">Oil prices jump after tanker attack</a></div></div>')
    inner = "\n        ".join(paras)
    return f"""<html>
<head>
  <title>{_e(title.upper())} :: World Desk Magazine</title>
  <meta property="og:site_name" content="World Desk Magazine">
  <meta property="og:title" content="{_e(title)}">
  <meta name="author" content="Staff writer">
</head>
<body>
  <div class="hdr"><div class="hdr-logo">WORLD DESK</div>
    <div class="hdr-menu"><a href="/">Front page</a> <a href="/world">World</a> <a href="/subscribe">Subscribe</a> <a href="/login">Log in</a></div></div>
  <div class="gdpr-overlay">This site uses cookies. Continue browsing to accept. <a href="/cookies">More</a></div>
  <div class="page">
    <div class="col-main">
      <div class="headline">{_e(title)}</div>
      <div class="dateline">27.12.2023 &ndash; Staff writer</div>
      <div class="storytext">
        {inner}
      </div>
      <div class="subscribe-box">Enjoyed this article? Subscribe for unlimited access from just $1 a week.</div>
    </div>
    <div class="col-side">
      <div class="box-title">Most read</div>
      <div><a href="/m/1">1. Ten things you did not know about Baghdad</a></div>
      <div><a href="/m/2">2. The hidden cost of the war economy</a></div>
      <div class="sponsored">Sponsored: These 7 gadgets are selling out fast</div>
    </div>
  </div>
  <div class="ftr">World Desk Magazine &middot; Imprint &middot; Privacy &middot; Advertise with us</div>
</body>
</html>
"""


def write_docx(path: Path, title, teaser, body, *, two_columns=False, soft_hyphens=False, paged=False) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def h(s: str) -> str:
        return hyphenate(s) if soft_hyphens else s

    d = docx.Document()
    cp = d.core_properties
    cp.title, cp.author = title, AUTHOR
    from datetime import datetime, timezone

    cp.created = datetime(2023, 12, 26, 9, 14, tzinfo=timezone.utc)
    d.add_heading(title, level=1)
    paragraphs = [("p", teaser)] + list(body)
    for kind, text in paragraphs:
        if kind == "h2":
            d.add_heading(text, level=2)
        else:
            para = d.add_paragraph(h(text))
            if two_columns:
                para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if paged:  # large type over several pages, a running head and "Page N" in the footer
        from docx.shared import Pt

        d.styles["Normal"].font.size = Pt(16)
        section = d.sections[0]
        section.header.paragraphs[0].text = f"{SITE} \u2013 World"
        foot = section.footer.paragraphs[0]
        foot.add_run("Page ")
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        field.append(run)
        foot._p.append(field)
    if two_columns:
        cols = d.sections[0]._sectPr.find(qn("w:cols"))
        if cols is None:
            cols = OxmlElement("w:cols")
            d.sections[0]._sectPr.append(cols)
        cols.set(qn("w:num"), "2")
        cols.set(qn("w:space"), "567")
    d.save(path)


def hyphenate(text: str) -> str:
    """Soft hyphens inside long lowercase words, so a justified layout breaks words at line ends.

    Crude (every few letters), but it makes LibreOffice write what real hyphenation writes:
    a word split over two lines with a hyphen at the end of the first.
    """
    def word(m: re.Match) -> str:
        w = m.group(0)
        return "\u00ad".join(w[i:i + 3] for i in range(0, len(w), 3)) if len(w) >= 8 else w
    return re.sub(r"\b[a-z]{8,}\b", word, text)


FOOTNOTE_FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:meta><dc:title>Strikes in Iraq: figures at a glance</dc:title><meta:initial-creator>Desk Research</meta:initial-creator><dc:creator>Desk Research</dc:creator><meta:creation-date>2024-01-03T10:00:00</meta:creation-date></office:meta>
 <office:body><office:text>
  <text:h text:outline-level="1">Strikes in Iraq: figures at a glance</text:h>
  <text:p>The US military has registered more than 100 such attacks since mid-October.<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Pentagon briefing of 26 December 2023.</text:p></text:note-body></text:note> Troop numbers are these:</text:p>
  <table:table table:name="Troops"><table:table-column table:number-columns-repeated="2"/>
   <table:table-row><table:table-cell><text:p>Country</text:p></table:table-cell><table:table-cell><text:p>US soldiers stationed</text:p></table:table-cell></table:table-row>
   <table:table-row><table:table-cell><text:p>Iraq</text:p></table:table-cell><table:table-cell><text:p>2,500</text:p></table:table-cell></table:table-row>
   <table:table-row><table:table-cell><text:p>Syria</text:p></table:table-cell><table:table-cell><text:p>900</text:p></table:table-cell></table:table-row>
  </table:table>
  <text:p>Iraqi security sources reported that at least one member of a pro-Iranian group had been killed.</text:p>
 </office:text></office:body>
</office:document>
"""


def soffice_convert(src: Path, fmt: str, outdir: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("LibreOffice (soffice) is needed to make the PDF fixtures.")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
                        "--outdir", str(outdir), str(src)], check=True, capture_output=True, timeout=180)
    out = outdir / (src.stem + "." + fmt.split(":")[0])
    if not out.exists():
        sys.exit(f"LibreOffice did not write {out}")
    return out


def scanned_pdf(path: Path) -> None:
    """A page that is only a picture of text, as a scanner writes it."""
    from PIL import Image, ImageDraw

    img = Image.new("L", (850, 1100), 255)
    draw = ImageDraw.Draw(img)
    y = 80
    for line in ["USA attacks pro-Iranian militias in Iraq", "", "Three soldiers are injured in an attack",
                 "on a US base in Iraq. In response, the US", "bombed facilities belonging to militias."]:
        draw.text((80, y), line, fill=0)
        y += 30
    img.save(path, "PDF", resolution=100.0)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    title, teaser, body = sample_parts()
    (OUT / "article-news.html").write_text(news_page(title, teaser, body), encoding="utf-8")
    (OUT / "article-blog.html").write_text(blog_page(title, teaser, body), encoding="utf-8")
    (OUT / "article-magazine.html").write_text(magazine_page(title, teaser, body), encoding="utf-8")

    write_docx(OUT / "article.docx", title, teaser, body)
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        shutil.copy(OUT / "article.docx", tmpdir / "article.docx")
        shutil.copy(soffice_convert(tmpdir / "article.docx", "pdf", tmpdir), OUT / "article.pdf")

        write_docx(tmpdir / "article-2col.docx", title, teaser, body, two_columns=True, soft_hyphens=True)
        shutil.copy(soffice_convert(tmpdir / "article-2col.docx", "pdf", tmpdir), OUT / "article-2col.pdf")

        write_docx(tmpdir / "article-paged.docx", title, teaser, body, paged=True)
        shutil.copy(soffice_convert(tmpdir / "article-paged.docx", "pdf", tmpdir), OUT / "article-paged.pdf")

        (tmpdir / "figures.fodt").write_text(FOOTNOTE_FODT, encoding="utf-8")
        shutil.copy(soffice_convert(tmpdir / "figures.fodt", "docx:MS Word 2007 XML", tmpdir),
                    OUT / "figures-table-footnote.docx")
    scanned_pdf(OUT / "scanned.pdf")

    # Windows-1252: typographic quotes and a euro sign, as Notepad on an older Windows saves them.
    text = SAMPLE.read_text(encoding="utf-8")
    cp1252 = re.sub(r'"([^"]*)"', "\u201c\\1\u201d", text) + "\nThe strikes cost an estimated \u20ac2 million \u2013 caf\u00e9 owners in Erbil reported damage.\n"
    (OUT / "article-windows-1252.txt").write_bytes(cp1252.replace("\n", "\r\n").encode("cp1252"))
    (OUT / "article-windows-1252.expected.txt").write_text(cp1252, encoding="utf-8")
    (OUT / "article-utf-16.txt").write_bytes(text.encode("utf-16"))  # with BOM, little-endian here
    for p in sorted(OUT.iterdir()):
        print(f"{p.stat().st_size:>8}  {p.relative_to(REPO)}")


if __name__ == "__main__":
    main()
