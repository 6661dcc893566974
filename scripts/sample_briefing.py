"""Make the sample briefing: the seed article with ten claims in mixed verdicts and two graded sources.

    .venv/bin/python scripts/sample_briefing.py OUT_DIR [--pdf] [--png]

Writes OUT_DIR/briefing.docx (and .md, .claimreview.json, .annotations.json, .csv);
--pdf converts the Word briefing with LibreOffice, --png renders its pages at 60 dpi.
The claims, verdicts and sources come from seeds/*.verdicts.json (illustrative verdicts,
not findings about the events).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

SAMPLE = REPO / "seeds" / "usa-attacks-pro-iranian-militias-in-iraq.txt"
VERDICTS = REPO / "seeds" / "usa-attacks-pro-iranian-militias-in-iraq.verdicts.json"


def build(ws) -> int:
    """Import the sample into `ws` with the claims, verdicts and sources of the verdicts seed; the article id."""
    desk = json.loads(VERDICTS.read_text("utf-8"))
    article = ws.import_file(SAMPLE)
    source_ids: dict[str, int] = {}
    for item in desk["claims"]:
        claim = ws.add_claim(article.id, item["type"], quote=item["text"], fields=item["fields"], note=item["note"])
        if item["status"] != "unverified":
            ws.update_claim(claim.id, status=item["status"], rationale=item["rationale"])
        for key, credibility, relation in item["links"]:
            if key in source_ids:
                ws.link_source(claim.id, source_ids[key], credibility=credibility, relation=relation)
            else:
                link = ws.add_source(claim.id, credibility=credibility, relation=relation, **desk["sources"][key])
                source_ids[key] = link.source.id
    return article.id


def main() -> int:
    from desktop_app.core.exporters import ExportOptions, export
    from desktop_app.core.workspace import Workspace

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pdf", action="store_true")
    parser.add_argument("--png", action="store_true")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, Workspace.open(Path(tmp) / "sample.db", analyst="maria.lopez") as ws:
        article_id = build(ws)
        options = ExportOptions(handling="UNCLASSIFIED // FOR OFFICIAL USE ONLY", organisation="Verification Desk",
                                publish_url="https://desk.example.org/checks/erbil")
        for fmt, name in (("docx", "briefing.docx"), ("md", "briefing.md"), ("claimreview", "claimreview.json"),
                          ("json", "annotations.json"), ("csv", "claims.csv")):
            print("wrote", export(ws, [article_id], fmt, args.out / name, options))
    if args.pdf or args.png:
        profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(args.out), str(args.out / "briefing.docx")], check=True,
                       capture_output=True, timeout=180, env={**os.environ, "HOME": str(profile)})
        print("wrote", args.out / "briefing.pdf")
    if args.png:
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(args.out / "briefing.pdf"), str(args.out / "page")],
                       check=True)
        print("wrote", *sorted(p.name for p in args.out.glob("page*.png")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
