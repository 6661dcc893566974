"""The briefing as Markdown (GitHub-flavoured: pipe tables), for wikis, chat and e-mail.

The same sections as the Word briefing. Markdown has no highlight or comment, so
in the article text the claims are in bold, each followed by its number in [n]
that leads to the claims table. Every piece of article or analyst text is escaped,
so an imported article cannot inject links, HTML or headings into the briefing.
"""
from __future__ import annotations

import re

from ..groups.briefing import briefing_section
from . import ExportOptions, Selection, Step, register
from . import briefing as bf

_INLINE = re.compile(r"([\\`*_{}\[\]<>|~])")
_LINE_START = re.compile(r"^(\s*)([-+=#]|\d+[.)])", re.MULTILINE)
_ENTITY = re.compile(r"&(?=#?\w+;)")


def md(text: str) -> str:
    """Escape Markdown inline syntax (and HTML) in analyst or article text."""
    text = _ENTITY.sub("&amp;", text)
    return _INLINE.sub(r"\\\1", text)


def md_para(text: str) -> str:
    """Escape a whole paragraph, including what would start a list, quote or heading."""
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def cell(text: str) -> str:
    return md(" ".join(text.split())) or "\u2013"


def table(header: list[str], rows: list[list[str]], align: list[str] | None = None) -> list[str]:
    align = align or ["l"] * len(header)
    rule = {"l": "---", "r": "--:", "c": ":-:"}
    return ["| " + " | ".join(header) + " |", "|" + "|".join(rule[a] for a in align) + "|"] + \
        ["| " + " | ".join(r) + " |" for r in rows]


def _bold(text: str) -> str:
    """Bold a stretch, with white space kept outside the markers (CommonMark ignores `** x **`)."""
    core = text.strip()
    if not core:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()):]
    return f"{lead}**{core}**{trail}"


def article_text(article, numbers: dict[int, int]) -> list[str]:
    text = article.text
    placed = [c for c in article.claims if c.anchor != "orphaned" and 0 <= c.start < c.end <= len(text)]
    paras = bf.paragraphs(text)
    if paras and text[paras[0][0]:paras[0][1]].strip() == article.title.strip() \
            and not any(c.start < paras[0][1] for c in placed):
        paras = paras[1:]
    closes: dict[int, list] = {}
    for c in placed:
        ends = [min(e, c.end) for s, e in paras if s < c.end and e > c.start]
        if ends:
            closes.setdefault(ends[-1], []).append(c)
    shown = {c.id for group in closes.values() for c in group}
    out = []
    for p_start, p_end in paras:
        pieces: list[str] = []
        bold_run = ""
        for seg in bf.segments(p_start, p_end, [c for c in placed if c.id in shown]):
            piece = md(text[seg.start:seg.end])
            if seg.claims:
                bold_run += piece
            else:
                if bold_run:
                    pieces.append(_bold(bold_run))
                    bold_run = ""
                pieces.append(piece)
            ending = closes.get(seg.end)
            if ending:
                if bold_run:
                    pieces.append(_bold(bold_run))
                    bold_run = ""
                pieces.append("\\[" + ",".join(str(numbers[c.id]) for c in ending) + "\\]")
        if bold_run:
            pieces.append(_bold(bold_run))
        out += [md_para("".join(pieces)), ""]
    missing = [c for c in article.claims if c.id not in shown]
    if missing:
        out += ["*Claims that could not be placed in the current text of this article:*", ""]
        out += [f"- \\[{numbers[c.id]}\\] \u201c{md(c.text)}\u201d" for c in missing] + [""]
    return out


def briefing(selection: Selection, options: ExportOptions, step: Step) -> str:
    numbers = bf.numbering(selection.articles)
    title = options.title or bf.default_title(selection.articles)
    claims = selection.claims
    handling = (options.handling or "").strip()
    lines: list[str] = []
    if handling:
        lines += [f"**{md(handling)}**", ""]
    lines += [f"# {md(title)}", ""]
    scope = "all verdicts" if options.statuses is None else \
        "verdicts " + ", ".join(bf.status_label(s) for s in options.statuses)
    who = ", ".join(x for x in (options.analyst, options.organisation) if x)
    lines += [f"*Verification briefing*{' by ' + md(who) if who else ''} \u00b7 {bf.when(selection.generated_at)} "
              f"\u00b7 {len(selection.articles)} article{'s' if len(selection.articles) != 1 else ''} \u00b7 "
              f"{len(claims)} claims ({md(scope)})", ""]

    lines += ["## Summary", "", md(bf.counts_sentence(selection)), "", "### Key judgments", ""]
    judgments = bf.key_judgments(selection, numbers)
    if not judgments:
        lines.append("No claim in this briefing was found false or disputed.")
    article_number = {a.id: n for n, a in enumerate(selection.articles, start=1)}
    several = len(selection.articles) > 1
    for k in judgments[:bf.KEY_JUDGMENTS_SHOWN]:
        where = f" (article {article_number[k.article.id]})" if several else ""
        why = md(k.rationale) if k.rationale else "*no rationale recorded*"
        lines.append(f"- **{bf.status_label(k.claim.status).upper()}** \u2014 claim {k.number}: "
                     f"\u201c{md(k.claim.text)}\u201d{where} \u2014 {why}")
    if len(judgments) > bf.KEY_JUDGMENTS_SHOWN:
        lines.append(f"- \u2026 and {len(judgments) - bf.KEY_JUDGMENTS_SHOWN} more false or disputed claims, "
                     "listed with their rationale in the claims table.")
    lines.append("")
    counts = bf.counts_by_status(claims)
    total = len(claims) or 1
    lines += ["### Claims by verdict", ""]
    lines += table(["Verdict", "Claims", "Share"],
                   [[bf.status_label(s), str(n), f"{round(100 * n / total)}%"] for s, n in counts.items()],
                   ["l", "r", "r"])
    lines.append("")
    by_type = bf.counts_by_type(claims)
    if by_type:
        statuses = bf.verdict_order()
        lines += ["### Claims by type", ""]
        lines += table(["Type"] + [bf.status_label(s) for s in statuses] + ["Total"],
                       [[bf.type_label(t)] + [str(row[s]) if row[s] else "\u2013" for s in statuses]
                        + [str(sum(row.values()))] for t, row in by_type.items()],
                       ["l"] + ["r"] * (len(statuses) + 1))
        lines.append("")

    if selection.discrepancies:
        section = briefing_section(selection.discrepancies)
        lines += [f"## {section.heading}", "", md(section.intro), ""]
        lines += table(list(section.columns),
                       [[cell(row.claim), row.kind, "<br>".join(cell(x) for x in row.reports)] for row in section.rows])
        lines.append("")

    for index, article in enumerate(selection.articles, start=1):
        lines += [f"## {'Article %d: ' % index if several else ''}{md(article.title)}", ""]
        meta = [f"{label}: <{value}>" if label == "URL" and value.startswith(("http://", "https://"))
                else f"{label}: {md(value)}" for label, value in bf.article_meta(article)]
        if meta:
            lines += [" \u00b7 ".join(meta), ""]
        if options.full_text:
            lines += article_text(article, numbers)
        else:
            lines += [f"{numbers[c.id]}. \u201c{md(c.text)}\u201d \u2014 {bf.type_label(c.type)}, "
                      f"{bf.status_label(c.status).lower()}" for c in article.claims] + [""]
        step()

    lines += ["## Claims", ""]
    if claims:
        rows = []
        for index, a in enumerate(selection.articles, start=1):
            for c in a.claims:
                rationale = selection.rationale(c.id)
                notes = " \u2014 ".join(x for x in (rationale, f"Note: {c.note}" if c.note else "") if x)
                text = c.text + (f" ({bf.fields_text(c)})" if bf.fields_text(c) else "") \
                    + (f" \u2014 article {index}" if several else "")
                rows.append([str(numbers[c.id]), cell(text), bf.type_label(c.type), bf.status_label(c.status),
                             cell(bf.sources_text(c)), cell(notes)])
        lines += table(["No.", "Claim", "Type", "Verdict", "Sources (grade, relation)", "Rationale and note"], rows,
                       ["r", "l", "l", "l", "l", "l"])
    else:
        lines.append("No claims with the chosen verdicts.")
    lines.append("")

    lines += ["## Sources", ""]
    cited = bf.source_index(selection.articles, numbers)
    if cited:
        rows = []
        for cs in cited:
            s = cs.source
            where = bf.source_name(s) + (f" {s.url}" if s.url else f" ({s.citation})" if s.citation else "")
            grade = s.reliability or "?"
            rows.append([f"S{cs.number}", cell(where), cell(s.publisher or ""),
                         f"{grade} {bf.RELIABILITY.get(grade, 'not graded')}", cell(s.accessed or ""),
                         cell("; ".join(f"{grade} {relation}: {', '.join(map(str, numbers))}"
                                        for grade, relation, numbers in bf.citations_by_grade(cs)))])
        lines += table(["No.", "Source", "Publisher", "Reliability", "Accessed", "Cited by"], rows)
    else:
        lines.append("No sources are linked to these claims yet.")
    lines += ["", "Grades follow the Admiralty (NATO) system: a letter for the reliability of the source, a digit "
              "for the credibility of the information. Reliability: "
              + "; ".join(f"{k} {v}" for k, v in bf.RELIABILITY.items()) + ". Credibility: "
              + "; ".join(f"{k} {v}" for k, v in bf.CREDIBILITY.items()) + ".", ""]
    if handling:
        lines += [f"**{md(handling)}**", ""]
    return "\n".join(lines)


@register("md", ".md", "Markdown briefing (.md)")
def render(selection: Selection, options: ExportOptions, step: Step) -> bytes:
    return briefing(selection, options, step).encode("utf-8")
