"""`claimdesk sources` and `source link|relate|remove|set`: what the app's Sources tab does, as commands.

`source add` (a new source for a claim) stays in cli.py with the contract's other commands. A claim and a source are
named by their ids (`show --json` lists each claim's sources with their `id`); each command is one Workspace action.
"""
from __future__ import annotations

from desktop_app.cli_common import emit_json as _emit_json, parse_id as _id
from desktop_app.core.errors import InvalidInput


def _source_line(src) -> str:
    where = src.url or src.citation or ""
    grade = src.reliability or "?"
    title = f"  \u201c{src.title}\u201d" if src.title else ""
    return f"#{src.id:<5} {grade}  {src.kind:<18} {where}{title}" + (f"  ({src.publisher})" if src.publisher else "")


def _link_line(link) -> str:
    return (f"Claim {link.claim_id} cites source {link.source.id} ({link.source.url or link.source.citation}): "
            f"{link.relation}, graded {link.grade}")


def cmd_sources(ws, args) -> None:
    items = ws.sources(args.search)
    if args.json:
        _emit_json({"sources": [s.to_json() for s in items]})
        return
    if not items:
        print("No sources match." if args.search else "No sources yet. Add one with: claimdesk source add CLAIM_ID --url URL")
    for src in items:
        print(_source_line(src))


def cmd_source_link(ws, args) -> None:
    link = ws.link_source(args.claim_id, args.source_id, relation=args.relation, credibility=args.credibility,
                          excerpt=args.excerpt or "", rationale=args.rationale or "")
    if args.json:
        _emit_json(link.to_json())
    else:
        print(_link_line(link))


def cmd_source_relate(ws, args) -> None:
    if args.relation is None and args.credibility is None and args.excerpt is None:
        raise InvalidInput("Say what to change: --relation, --credibility or --excerpt.")
    link = ws.link_between(args.claim_id, args.source_id)
    changes = {} if args.credibility is None else {"credibility": args.credibility or None}  # "": no grade
    link = ws.update_link(link.evidence_id, relation=args.relation, excerpt=args.excerpt,
                          rationale=args.rationale or "", **changes)
    if args.json:
        _emit_json(link.to_json())
    else:
        print(_link_line(link))


def cmd_source_remove(ws, args) -> None:
    link = ws.unlink_source(ws.link_between(args.claim_id, args.source_id).evidence_id, rationale=args.rationale or "")
    if args.json:
        _emit_json(link.to_json())
    else:
        print(f"Claim {link.claim_id} no longer cites source {link.source.id}; the source stays in the workspace.")


_SOURCE_FIELDS = ("url", "citation", "title", "publisher", "kind", "reliability", "accessed", "note")


def cmd_source_set(ws, args) -> None:
    changes = {name: getattr(args, name) for name in _SOURCE_FIELDS if getattr(args, name) is not None}
    if not changes:
        raise InvalidInput("Say what to change: " + ", ".join(f"--{n}" for n in _SOURCE_FIELDS) + ".")
    src = ws.update_source(args.source_id, if_version=args.if_version, **changes)
    if args.json:
        _emit_json(src.to_json())
    else:
        print(f"Source {src.id} is now version {src.version} (for every claim citing it):")
        print(_source_line(src))


def add_parsers(sub, ssub, add) -> None:
    """The commands, on the main parser (`sources`) and on `source`'s (`ssub`); `add` is cli.build_parser's helper."""
    sp = add("sources", cmd_sources, "list the workspace's sources with their grades")
    sp.add_argument("--search", help="only sources whose title, URL, publisher or citation contains this")

    sp = add("link", cmd_source_link, "let a claim cite a source already in the workspace", parent=ssub)
    sp.add_argument("claim_id", type=_id, metavar="CLAIM_ID")
    sp.add_argument("source_id", type=_id, metavar="SOURCE_ID")
    sp.add_argument("--relation", default="supports", help="supports, contradicts or context")
    sp.add_argument("--credibility", metavar="1-6", help="information credibility (Admiralty scale)")
    sp.add_argument("--excerpt")
    sp.add_argument("--rationale")

    sp = add("relate", cmd_source_relate, "change how a source bears on a claim: relation, credibility, excerpt",
             parent=ssub)
    sp.add_argument("claim_id", type=_id, metavar="CLAIM_ID")
    sp.add_argument("source_id", type=_id, metavar="SOURCE_ID")
    sp.add_argument("--relation", help="supports, contradicts or context")
    sp.add_argument("--credibility", metavar="1-6", help='information credibility; "" takes the grade away')
    sp.add_argument("--excerpt")
    sp.add_argument("--rationale", help="why: recorded in the claim's history")

    sp = add("remove", cmd_source_remove, "stop a claim citing a source (the source stays for other claims)",
             parent=ssub)
    sp.add_argument("claim_id", type=_id, metavar="CLAIM_ID")
    sp.add_argument("source_id", type=_id, metavar="SOURCE_ID")
    sp.add_argument("--rationale", help="why: recorded in the claim's history")

    sp = add("set", cmd_source_set, "edit a source for every claim citing it (its grade, title, ...)", parent=ssub)
    sp.add_argument("source_id", type=_id, metavar="SOURCE_ID")
    sp.add_argument("--url")
    sp.add_argument("--citation")
    sp.add_argument("--title")
    sp.add_argument("--publisher")
    sp.add_argument("--kind", help="official statement, wire, news outlet, eyewitness, social media, document, other")
    sp.add_argument("--reliability", metavar="A-F", help="source reliability (Admiralty scale)")
    sp.add_argument("--accessed", metavar="DATE")
    sp.add_argument("--note")
    sp.add_argument("--if-version", type=int, metavar="N",
                    help="refuse if someone changed the source since you read version N")
