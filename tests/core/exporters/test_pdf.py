"""A real office suite opens the briefing: LibreOffice converts it to PDF, and the PDF holds the claims.

Each conversion uses its own LibreOffice profile, so parallel runs never share one.
soffice and pdftotext come from scripts/setup.sh (libreoffice-writer-nogui, poppler-utils).
"""
from __future__ import annotations

import os
import re
import subprocess

from desktop_app.core.exporters import ExportOptions, export

HANDLING = "UNCLASSIFIED // FOR OFFICIAL USE ONLY"


def to_pdf(docx_path, out_dir, profile_dir):
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile_dir.as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(out_dir), str(docx_path)],
        capture_output=True, text=True, timeout=300, env={**os.environ, "HOME": str(profile_dir)})
    assert result.returncode == 0, result.stderr
    pdf = out_dir / (docx_path.stem + ".pdf")
    assert pdf.is_file(), f"LibreOffice wrote no PDF: {result.stdout} {result.stderr}"
    return pdf


def pdf_text(pdf) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return out.stdout


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_libreoffice_opens_the_briefing_and_its_pdf_holds_every_claim(desk, tmp_path):
    docx_path = export(desk.ws, [desk.article_id], "docx", tmp_path / "briefing.docx",
                       ExportOptions(handling=HANDLING, organisation="Verification Desk"))
    pdf = to_pdf(docx_path, tmp_path / "pdf", tmp_path / "lo-profile")
    text = pdf_text(pdf)
    pages = text.split("\f")
    assert len([p for p in pages if p.strip()]) >= 3
    for n, page in enumerate([p for p in pages if p.strip()], start=1):
        assert HANDLING in page
        assert f"Page {n} of" in flat(page)
    body = flat(text)
    for claim in desk.claims():
        assert claim.text in body
    assert "10 claims in 1 article: 1 false, 2 disputed, 1 unverifiable, 2 unverified, 4 verified." in body
    assert "Key judgments" in body and "Sources" in body and "How sources are graded" in body
    assert "The DoD count on that date was lower" in body
    assert "https://www.defense.gov/News/Releases/Release/Article/3627171/" in body.replace(" ", "")
