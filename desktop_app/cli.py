"""The `claimdesk` command: the CLI contract of DESIGN.md over the same Workspace the GUI uses.

Each subcommand is one Workspace call. Errors are one line on stderr and exit
status 2; `--json` prints exactly one JSON document on stdout.
"""
from __future__ import annotations

import argparse
import logging
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from desktop_app.cli_common import emit_json as _emit_json, parse_id as _id
from desktop_app.core.errors import ClaimdeskError, InvalidInput

EXIT_ERROR = 2
EXIT_BUG = 1


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one sentence (and exit 2) like every other error."""

    def error(self, message: str):  # noqa: D401 - argparse API
        raise UsageError(f"{message} (see '{self.prog} --help')")


# --- small helpers ----------------------------------------------------------------------------

def _span(value: str) -> tuple[int, int]:
    try:
        start, end = value.split(":", 1)
        return int(start), int(end)
    except ValueError:
        raise InvalidInput(f"A span is START:END in characters, e.g. 301:326; not {value!r}.") from None


def _fields(pairs: Sequence[str] | None) -> dict:
    out: dict = {}
    for pair in pairs or ():
        if "=" not in pair:
            raise InvalidInput(f"A field is KEY=VALUE, e.g. count=3; not {pair!r}.")
        key, value = pair.split("=", 1)
        out[key.strip().replace("-", "_")] = value
    return out


def _fields_text(fields: dict) -> str:
    return ", ".join(f"{k}={v}" for k, v in fields.items() if v is not None)


def _claim_line(c) -> str:
    extra = _fields_text(c.fields)
    src = " ".join(link.grade for link in c.sources)
    anchor = "" if c.anchor == "exact" else f" [{c.anchor}]"
    return (f"#{c.id:<5} {c.status:<12} {c.type:<11} {c.start}:{c.end}{anchor}  \u201c{c.text}\u201d"
            + (f"  ({extra})" if extra else "") + (f"  sources {src}" if src else "")
            + (f"\n        note: {c.note}" if c.note else ""))


# --- commands ---------------------------------------------------------------------------------

def cmd_import(ws, args) -> None:
    from desktop_app.core.importers import import_target

    summary = ws.import_article(import_target(args.path_or_url), title=args.title)
    if args.json:
        _emit_json(summary.to_json())
    else:
        print(f"Imported article {summary.id}: {summary.title}")


def cmd_articles(ws, args) -> None:
    items = ws.articles(search=args.search)
    if args.json:
        _emit_json({"articles": [a.to_json() for a in items]})
        return
    if not items:
        print("No articles yet. Import one with: claimdesk import FILE")
    for a in items:
        counts = ", ".join(f"{n} {s}" for s, n in sorted(a.status_counts.items()))
        noun = "claim" if a.claim_count == 1 else "claims"
        print(f"#{a.id:<4} {a.title}  [{a.claim_count} {noun}{': ' + counts if counts else ''}]")


def cmd_show(ws, args) -> None:
    if args.revision is not None:
        revision = ws.revision_text(args.article_id, args.revision)
        if args.json:
            _emit_json(revision.to_json())
        else:
            print(f"#{args.article_id} {revision.title}  (revision {revision.number}, imported "
                  f"{revision.imported_at:%Y-%m-%d %H:%M} UTC)")
            print()
            print(revision.text)
        return
    article = ws.article(args.article_id)
    if args.json:
        _emit_json(article.to_json())
        return
    s = article.summary
    print(f"#{s.id} {s.title}")
    meta = [x for x in (s.publisher, s.author, s.published, s.source_url) if x]
    if meta:
        print("   " + " \u00b7 ".join(meta))
    print(f"   revision {s.revision}, imported {s.imported_at:%Y-%m-%d %H:%M} UTC, {len(article.text):,} characters")
    print()
    if not article.claims:
        print("No claims yet. Add one with: claimdesk claim add", s.id, "--quote TEXT --type TYPE")
    for c in article.claims:
        print(_claim_line(c))


def cmd_suggest(ws, args) -> None:
    if args.apply and args.reject:
        raise InvalidInput("Give --apply or --reject, not both.")
    if args.reject:
        count = ws.reject_suggestions(args.article_id, type=args.type)
        if args.json:
            _emit_json({"rejected": count})
        else:
            print(f"Rejected {count} suggestion{'s' if count != 1 else ''}; they will not be suggested again.")
        return
    if args.apply:
        claims = ws.accept_suggestions(args.article_id, type=args.type)
        if args.json:
            _emit_json({"claims": [c.to_json() for c in claims]})
            return
        print(f"Accepted {len(claims)} suggestion{'s' if len(claims) != 1 else ''} as claims:" if claims
              else "No suggestions to accept.")
        for c in claims:
            print(_claim_line(c))
        return
    items = ws.suggestions(args.article_id, type=args.type)
    if args.json:
        _emit_json({"suggestions": [x.to_json() for x in items]})
        return
    if not items:
        print("No suggestions (or all were accepted or rejected already).")
    for x in items:
        extra = _fields_text(x.fields)
        text = " ".join(x.text.split())
        print(f"{x.type:<11} {x.start}:{x.end}  {x.confidence:.2f}  \u201c{text}\u201d" + (f"  ({extra})" if extra else ""))


def _where(args) -> tuple[int | None, int | None]:
    """START:END of --span, or (None, None) when the claim is named by --quote."""
    return _span(args.span) if args.span else (None, None)


def cmd_claim_add(ws, args) -> None:
    start, end = _where(args)
    claim = ws.add_claim(args.article_id, args.type, start=start, end=end, quote=args.quote,
                         occurrence=args.occurrence, status=args.status, note=args.note or "",
                         fields=_fields(args.field) or None, rationale=args.rationale or "")
    if args.json:
        _emit_json(claim.to_json())
    else:
        print(f"Added claim {claim.id}:")
        print(_claim_line(claim))


def cmd_claim_set(ws, args) -> None:
    if all(v is None for v in (args.status, args.type, args.note)) and not args.field:
        raise InvalidInput("Say what to change: --status, --type, --note or --field.")
    claim = ws.update_claim(args.claim_id, status=args.status, type=args.type, note=args.note,
                            fields=_fields(args.field), rationale=args.rationale or "",
                            if_version=args.if_version)
    if args.json:
        _emit_json(claim.to_json())
    else:
        print(f"Claim {claim.id} is now version {claim.version}:")
        print(_claim_line(claim))


def cmd_claim_delete(ws, args) -> None:
    claim = ws.delete_claim(args.claim_id, rationale=args.rationale or "", if_version=args.if_version)
    if args.json:
        _emit_json(claim.to_json())
    else:
        print(f"Deleted claim {claim.id} (\u201c{claim.text}\u201d); its history is kept.")


def cmd_claim_reattach(ws, args) -> None:
    start, end = _where(args)
    claim = ws.reattach_claim(args.claim_id, start, end, args.rationale or "", quote=args.quote,
                              occurrence=args.occurrence, if_version=args.if_version)
    if args.json:
        _emit_json(claim.to_json())
    else:
        print(f"Claim {claim.id} is on its text again:")
        print(_claim_line(claim))


def cmd_revisions(ws, args) -> None:
    current = ws.article(args.article_id).summary
    earlier = ws.revisions(args.article_id)
    if args.json:
        _emit_json({"revisions": [{k: v for k, v in r.to_json().items() if k != "text"} for r in earlier],
                    "current": current.revision})
        return
    for r in earlier:
        print(f"revision {r.number}  imported {r.imported_at:%Y-%m-%d %H:%M} UTC  {len(r.text):,} characters  "
              f"“{r.title}”")
    print(f"revision {current.revision}  imported {current.imported_at:%Y-%m-%d %H:%M} UTC  (current)  "
          f"“{current.title}”")


def cmd_claim_list(ws, args) -> None:
    analyst = ws.analyst if args.mine else None
    items = ws.claims(args.article_id, status=args.status, type=args.type, search=args.search, analyst=analyst)
    if args.json:
        _emit_json({"claims": [c.to_json() for c in items]})
        return
    if not items:
        print("No claims match.")
    for c in items:
        print(f"a{c.article_id:<4}", _claim_line(c))


def cmd_source_add(ws, args) -> None:
    link = ws.add_source(args.claim_id, url=args.url, citation=args.citation, title=args.title,
                         publisher=args.publisher, kind=args.kind, reliability=args.reliability,
                         accessed=args.accessed, relation=args.relation, credibility=args.credibility,
                         excerpt=args.excerpt or "", note=args.note or "")
    if args.json:
        _emit_json(link.to_json())
    else:
        src = link.source
        print(f"Linked source {src.id} ({src.url or src.citation}) to claim {link.claim_id}: "
              f"{link.relation}, graded {link.grade}")


def cmd_history(ws, args) -> None:
    events = ws.history(args.claim_id)
    if args.json:
        _emit_json({"history": [e.to_json() for e in events]})
        return
    for e in events:
        what = e.action if e.field in (None, "group") else f"{e.action} {e.field}"
        change = ""
        if e.field == "group":
            info = e.new if isinstance(e.new, dict) else e.old if isinstance(e.old, dict) else {}
            change = f": group {info.get('group_id')} \u201c{info.get('label')}\u201d"
        elif e.action == "updated":
            change = f": {e.old!r} \u2192 {e.new!r}"
        elif e.action in ("reanchored", "reattached") and isinstance(e.new, dict) and isinstance(e.old, dict):
            change = (f": {e.old.get('start')}:{e.old.get('end')} {e.old.get('anchor')} \u2192 "
                      f"{e.new.get('start')}:{e.new.get('end')} {e.new.get('anchor')}")
            if e.new.get("text") != e.old.get("text"):
                change += f" \u201c{e.old.get('text')}\u201d \u2192 \u201c{e.new.get('text')}\u201d"
        elif e.field == "sources":
            info = e.new if isinstance(e.new, dict) else e.old if isinstance(e.old, dict) else {}
            grade = f"{info.get('reliability') or '?'}{info.get('credibility') or '?'}"
            change = f": source {info.get('source_id')} {info.get('url') or info.get('citation') or ''} {grade}".rstrip()
        print(f"{e.at:%Y-%m-%d %H:%M:%S} UTC  {e.analyst:<12} {what}{change}"
              + (f"  \u2014 {e.rationale}" if e.rationale else ""))


def cmd_export(ws, args) -> None:
    from desktop_app.core.exporters import ExportOptions, export

    statuses = tuple(s.strip().lower() for s in args.status) if args.status else None
    options = ExportOptions(title=args.title, statuses=statuses,
                            full_text=not args.claims_only, comments=not args.no_comments,
                            handling=args.handling, organisation=args.organisation, publish_url=args.publish_url)
    path = export(ws, args.article_ids, args.format, args.output, options)
    print(f"Wrote {path}")


def cmd_revise(ws, args) -> None:
    from desktop_app.core.importers import import_target

    report = ws.revise_article(args.article_id, import_target(args.path_or_url), title=args.title)
    if args.json:
        _emit_json(report.to_json())
        return
    counts = report.counts
    print(f"Article {report.article_id} is now revision {report.revision}: {counts['exact']} exact, "
          f"{counts['moved']} moved, {counts['fuzzy']} fuzzy, {counts['orphaned']} orphaned.")
    for r in report.results:
        if r.how == "moved":
            doubt = "  (among different words: marked fuzzy; check it)" if r.anchor == "fuzzy" else ""
            print(f"  #{r.claim_id:<5} moved     {r.old_start}:{r.old_end} \u2192 {r.new_start}:{r.new_end}  "
                  f"\u201c{r.new_text}\u201d{doubt}")
        elif r.how == "fuzzy":
            print(f"  #{r.claim_id:<5} fuzzy     {r.new_start}:{r.new_end}  \u201c{r.old_text}\u201d \u2192 \u201c{r.new_text}\u201d"
                  f"  (score {r.score:.2f}; check it)")
        elif r.how == "orphaned":
            print(f"  #{r.claim_id:<5} orphaned  \u201c{r.old_text}\u201d is not in the new text; the claim is kept, "
                  "re-attach it by selecting its text")


def cmd_gui(args) -> int:
    from desktop_app.ui.app import run

    return run(db=args.db, files=getattr(args, "files", None) or [], screenshot=getattr(args, "screenshot", None))


# --- parser -----------------------------------------------------------------------------------

def build_parser(gui_only: bool = False) -> Parser:
    """The whole command line; with `gui_only`, only what opening the GUI reads (6 ms less at start)."""
    p = Parser(prog="claimdesk", description="Claimdesk: highlight, grade and source the claims in news articles.")
    p.add_argument("--db", metavar="PATH_OR_URL",
                   help="workspace file or postgresql+psycopg:// URL (default: $CLAIMDESK_DB, else your data folder)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def add(name, fn, help_text, json_flag=True, parent=sub):
        sp = parent.add_parser(name, help=help_text, description=help_text)
        sp.set_defaults(fn=fn)
        if json_flag:
            sp.add_argument("--json", action="store_true", help="print one JSON document")
        return sp

    g = sub.add_parser("gui", help="open the desktop app, importing or opening FILEs")
    g.add_argument("files", nargs="*", metavar="FILE")
    g.add_argument("--screenshot", metavar="PATH",
                   help="open the window (importing FILEs, selecting the first claim), save it as a PNG and exit")
    g.set_defaults(fn=None)
    if gui_only:
        return p

    sp = add("import", cmd_import, "import an article from a file or an http(s) URL")
    sp.add_argument("path_or_url", metavar="PATH_OR_URL")
    sp.add_argument("--title", help="title to use instead of the one found in the document")

    sp = add("articles", cmd_articles, "list the workspace's articles with claim counts")
    sp.add_argument("--search", help="only articles whose title, outlet or URL contains this")

    sp = add("show", cmd_show, "an article with its claims")
    sp.add_argument("article_id", type=_id, metavar="ARTICLE_ID")
    sp.add_argument("--revision", type=int, metavar="N", help="the text of an earlier version instead (read-only)")

    sp = add("revisions", cmd_revisions, "the versions of an article, oldest first")
    sp.add_argument("article_id", type=_id, metavar="ARTICLE_ID")

    sp = add("suggest", cmd_suggest, "candidate claims the detector finds in an article")
    sp.add_argument("article_id", type=_id, metavar="ARTICLE_ID")
    sp.add_argument("--apply", action="store_true", help="accept them all as claims (one action)")
    sp.add_argument("--reject", action="store_true", help="turn them all down: they are not suggested again")
    sp.add_argument("--type", help="only this type: casualty, statistic, quote, attribution")

    claim = sub.add_parser("claim", help="add, change, delete or list claims")
    csub = claim.add_subparsers(dest="claim_command", metavar="ACTION", required=True)
    statuses = "unverified, verified, disputed, false, unverifiable"
    types = "casualty, attribution, quote, statistic, event, other"

    sp = add("add", cmd_claim_add, "mark a passage of an article as a claim", parent=csub)
    sp.add_argument("article_id", type=_id, metavar="ARTICLE_ID")
    where = sp.add_mutually_exclusive_group(required=True)
    where.add_argument("--quote", help="the exact text of the claim")
    where.add_argument("--span", metavar="START:END", help="character offsets into the article text")
    sp.add_argument("--occurrence", type=int, help="which occurrence of --quote (1 = first)")
    sp.add_argument("--type", required=True, help=types)
    sp.add_argument("--status", default="unverified", help=statuses)
    sp.add_argument("--note")
    sp.add_argument("--rationale")
    sp.add_argument("--field", action="append", metavar="KEY=VALUE",
                    help="structured field: count, qualifier, category, who, speaker, attributed_to")

    sp = add("set", cmd_claim_set, "change a claim's status, type, note or fields", parent=csub)
    sp.add_argument("claim_id", type=_id, metavar="CLAIM_ID")
    sp.add_argument("--status", help=statuses)
    sp.add_argument("--type", help=types)
    sp.add_argument("--note")
    sp.add_argument("--rationale", help="why: recorded in the claim's history")
    sp.add_argument("--field", action="append", metavar="KEY=VALUE")
    sp.add_argument("--if-version", type=int, metavar="N",
                    help="refuse if someone changed the claim since you read version N")

    sp = add("delete", cmd_claim_delete, "delete a claim (its history is kept)", parent=csub)
    sp.add_argument("claim_id", type=_id, metavar="CLAIM_ID")
    sp.add_argument("--rationale")
    sp.add_argument("--if-version", type=int, metavar="N")

    sp = add("reattach", cmd_claim_reattach, "put an orphaned (or fuzzy) claim on its text in the current version",
             parent=csub)
    sp.add_argument("claim_id", type=_id, metavar="CLAIM_ID")
    where = sp.add_mutually_exclusive_group(required=True)
    where.add_argument("--quote", help="the exact text the claim is now")
    where.add_argument("--span", metavar="START:END", help="character offsets into the current text")
    sp.add_argument("--occurrence", type=int, help="which occurrence of --quote (1 = first)")
    sp.add_argument("--rationale", help="why: recorded in the claim's history")
    sp.add_argument("--if-version", type=int, metavar="N")

    sp = add("list", cmd_claim_list, "list claims, optionally of one article", parent=csub)
    sp.add_argument("article_id", type=_id, nargs="?", metavar="ARTICLE_ID")
    sp.add_argument("--status", help=statuses)
    sp.add_argument("--type", help=types)
    sp.add_argument("--search", help="only claims whose text or note contains this")
    sp.add_argument("--mine", action="store_true", help="only claims you made or last changed")

    source = sub.add_parser("source", help="link sources to claims")
    ssub = source.add_subparsers(dest="source_command", metavar="ACTION", required=True)
    sp = add("add", cmd_source_add, "link a source to a claim", parent=ssub)
    sp.add_argument("claim_id", type=_id, metavar="CLAIM_ID")
    what = sp.add_mutually_exclusive_group(required=True)
    what.add_argument("--url")
    what.add_argument("--citation", help="a document without a URL, cited in words")
    sp.add_argument("--title")
    sp.add_argument("--publisher")
    sp.add_argument("--kind", help="official statement, wire, news outlet, eyewitness, social media, document, other")
    sp.add_argument("--reliability", metavar="A-F", help="source reliability (Admiralty scale)")
    sp.add_argument("--credibility", metavar="1-6", help="information credibility (Admiralty scale)")
    sp.add_argument("--relation", default="supports", help="supports, contradicts or context")
    sp.add_argument("--excerpt")
    sp.add_argument("--accessed", metavar="DATE")
    sp.add_argument("--note")

    from desktop_app import cli_sources

    cli_sources.add_parsers(sub, ssub, add)

    sp = add("history", cmd_history, "every recorded change of a claim")
    sp.add_argument("claim_id", type=_id, metavar="CLAIM_ID")

    sp = add("export", cmd_export, "export articles with their claims", json_flag=False)
    sp.add_argument("article_ids", type=_id, nargs="+", metavar="ARTICLE_ID")
    sp.add_argument("--format", required=True,
                    help="docx (Word briefing), md (Markdown briefing), claimreview (schema.org JSON-LD), "
                         "json (W3C Web Annotations) or csv (one row per claim)")
    sp.add_argument("-o", "--output", required=True, metavar="PATH")
    sp.add_argument("--title")
    sp.add_argument("--status", action="append", help="include only claims with this verdict (repeatable): " + statuses)
    sp.add_argument("--handling", help='handling line, e.g. "UNCLASSIFIED // FOR OFFICIAL USE ONLY"')
    sp.add_argument("--organisation", help="the desk or organisation named as author")
    sp.add_argument("--publish-url", metavar="URL",
                    help="page the fact checks will be published on (ClaimReview url, with #claim-N)")
    sp.add_argument("--claims-only", action="store_true", help="leave out the full article text")
    sp.add_argument("--no-comments", action="store_true", help="no Word comments on the claims")

    sp = add("revise", cmd_revise, "import a new version of an article and re-anchor its claims")
    sp.add_argument("article_id", type=_id, metavar="ARTICLE_ID")
    sp.add_argument("path_or_url", metavar="PATH_OR_URL")
    sp.add_argument("--title", help="title to use instead of the one found in the new version")

    from desktop_app import cli_groups

    cli_groups.add_parsers(sub, add)
    return p


def _one_line(message: str) -> str:
    """The contract is one line on stderr, even when the analyst's input had line breaks in it."""
    return " ".join(message.split())


def _log_bug() -> str:
    """Keep the traceback for a bug report without showing it to the analyst."""
    try:
        from platformdirs import user_log_dir

        log_dir = Path(user_log_dir("Claimdesk", appauthor=False))
        log_dir.mkdir(parents=True, exist_ok=True)
        path = log_dir / "claimdesk.log"
        logging.basicConfig(filename=path, level=logging.ERROR)
        logging.getLogger("claimdesk").error("unexpected error\n%s", traceback.format_exc())
        return str(path)
    except Exception:
        return "the log could not be written"


def _opens_gui(argv: Sequence[str]) -> bool:
    """Whether the arguments open the GUI (`gui`, or no command) rather than ask for help or a command."""
    rest = list(argv)
    while rest and rest[0].startswith("-"):
        option = rest.pop(0)
        if option in ("-h", "--help"):
            return False
        if option == "--db" and rest:
            rest.pop(0)
    return not rest or rest[0] == "gui"


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(gui_only=_opens_gui(argv))
    try:
        args = parser.parse_args(argv)
        if args.command in (None, "gui"):
            return cmd_gui(args)
        from desktop_app.core.workspace import Workspace

        with Workspace.open(args.db) as ws:
            args.fn(ws, args)
        return 0
    except (UsageError, ClaimdeskError) as exc:
        print(f"claimdesk: {_one_line(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("claimdesk: interrupted; the last completed action is saved.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: one line for the analyst, the traceback in the log
        where = _log_bug()
        print(f"claimdesk: unexpected error ({exc.__class__.__name__}: {exc}); details in {where}.", file=sys.stderr)
        return EXIT_BUG


if __name__ == "__main__":
    raise SystemExit(main())
