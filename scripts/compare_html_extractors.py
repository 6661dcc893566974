"""Compare main-content extractors on the saved-page fixtures; prints one table.

    .venv/bin/pip install -e '.[compare]'     # readability-lxml
    .venv/bin/python scripts/compare_html_extractors.py

Every fixture page wraps the sample article (seeds/...txt) in different site chrome, so
the gold text is the sample's headline, lead and body (without 'Read also:'/'Source:').
Scores per extractor, summed over the pages:
- precision / recall / F1 of word tokens against the gold (bag of words, as in the
  common article-extraction benchmarks);
- claims: how many of the gold annotation's claim texts appear verbatim (19 per page);
- chrome: paragraphs of output that are not part of the article (navigation, ads...);
- ms: mean time per page.
"""
from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from desktop_app.core.importers import html as ours  # noqa: E402

FIXTURES = REPO / "tests" / "data" / "fixtures"
SAMPLE = REPO / "seeds" / "usa-attacks-pro-iranian-militias-in-iraq.txt"
GOLD = REPO / "seeds" / "usa-attacks-pro-iranian-militias-in-iraq.gold.json"
PAGES = sorted(FIXTURES.glob("article-*.html"))


def gold_paragraphs() -> list[str]:
    paras = [" ".join(p.split()) for p in SAMPLE.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return [p for p in paras if not p.startswith(("Read also:", "Source:"))]


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def trafilatura_mode(mode: str):
    def run(html: str) -> list[str]:
        import trafilatura

        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          favor_precision=mode == "precision", favor_recall=mode == "recall")
        return ours.with_headline(ours.paragraphs_of(doc), doc.title or "") if doc else []
    return run


def claimdesk(html: str) -> list[str]:
    return ours.extract_article(html)[1]


def readability(html: str) -> list[str]:
    from lxml import html as lxml_html
    from readability import Document

    doc = Document(html)
    tree = lxml_html.fromstring(doc.summary(html_partial=True))
    blocks = tree.xpath("//p|//h1|//h2|//h3|//h4|//li|//td|//div[not(.//p|.//div|.//li)]")
    paras = [" ".join(b.text_content().split()) for b in blocks]
    return ours.with_headline([p for p in paras if p], doc.short_title() or "")


EXTRACTORS = {
    "trafilatura (default)": trafilatura_mode("default"),
    "trafilatura (favor_precision)": trafilatura_mode("precision"),
    "trafilatura (favor_recall)": trafilatura_mode("recall"),
    "claimdesk (trafilatura precision span, recall fill)": claimdesk,
    "readability-lxml": readability,
}


def score(paragraphs: list[str], gold: list[str], claims: list[str]) -> dict:
    text = "\n\n".join(paragraphs)
    out, ref = Counter(tokens(text)), Counter(tokens("\n\n".join(gold)))
    common = sum((out & ref).values())
    flat = " ".join(text.split())
    gold_set = set(gold)
    return {"common": common, "out": sum(out.values()), "ref": sum(ref.values()),
            "claims": sum(1 for c in claims if c in flat),
            "chrome": sum(1 for p in paragraphs if " ".join(p.split()) not in gold_set)}


def main() -> None:
    gold = gold_paragraphs()
    claims = [c["text"] for c in json.loads(GOLD.read_text(encoding="utf-8"))["claims"]]
    rows = []
    for name, fn in EXTRACTORS.items():
        fn(PAGES[0].read_text(encoding="utf-8"))  # warm-up: imports and caches out of the timing
        total = Counter()
        elapsed = 0.0
        per_page = []
        for page in PAGES:
            html = page.read_text(encoding="utf-8")
            t0 = time.perf_counter()
            paras = fn(html)
            elapsed += time.perf_counter() - t0
            s = score(paras, gold, claims)
            per_page.append(f"{page.stem.removeprefix('article-')}:{s['claims']}/{len(claims)},{s['chrome']}")
            total.update(s)
        p = total["common"] / total["out"] if total["out"] else 0.0
        r = total["common"] / total["ref"]
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        rows.append((name, p, r, f1, total["claims"], len(claims) * len(PAGES), total["chrome"],
                     1000 * elapsed / len(PAGES), " ".join(per_page)))
    print(f"{len(PAGES)} pages: {', '.join(p.name for p in PAGES)}")
    print(f"{'extractor':<52} {'P':>6} {'R':>6} {'F1':>6} {'claims':>8} {'chrome':>6} {'ms':>6}  per page (claims,chrome)")
    for name, p, r, f1, c, cmax, chrome, ms, pages in rows:
        print(f"{name:<52} {p:6.3f} {r:6.3f} {f1:6.3f} {c:>4}/{cmax:<3} {chrome:>6} {ms:6.1f}  {pages}")


if __name__ == "__main__":
    main()
