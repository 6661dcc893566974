"""`claimdesk groups`, `discrepancies`, `group ...` and `article set`: the same claim across articles.

Kept apart from cli.py (which only calls `add_parsers`) so each command stays one Workspace call.
"""
from __future__ import annotations

from desktop_app.cli_common import emit_json as _emit_json, parse_id as _id
from desktop_app.core.errors import InvalidInput


def _member_line(m) -> str:
    c = m.claim
    fields = ", ".join(f"{k}={v}" for k, v in c.fields.items() if v is not None)
    where = " \u00b7 ".join(x for x in (m.outlet or f"article {c.article_id}", m.published) if x)
    said = f"  according to {m.source}" if m.source and c.type != "quote" else ""
    return (f"    #{c.id:<5} {c.status:<12} \u201c{c.text}\u201d" + (f"  ({fields})" if fields else "")
            + f"\n           {where}{said}")


def cmd_groups(ws, args) -> None:
    groups = ws.groups()
    if args.json:
        _emit_json({"groups": [g.to_json() for g in groups]})
        return
    if not groups:
        print("No claim groups yet. Try: claimdesk group suggest --apply")
    for g in groups:
        print(f"Group {g.id}: {g.label}  [{len(g.members)} claims, {g.status}]")
        for m in g.members:
            print(_member_line(m))


def cmd_discrepancies(ws, args) -> None:
    items = ws.discrepancies(args.group)
    if args.json:
        _emit_json({"discrepancies": [d.to_json() for d in items]})
        return
    if not items:
        print("No discrepancies among the grouped claims.")
    for d in items:
        print(f"[{d.kind}] group {d.group_id} ({d.group_label}): {d.explanation}")


def cmd_group_add(ws, args) -> None:
    group = ws.link_claims(args.claim_ids, label=args.label, rationale=args.rationale or "")
    if args.json:
        _emit_json(group.to_json())
    else:
        print(f"Group {group.id} ({group.label}) now holds claims {', '.join(map(str, group.claim_ids))}.")


def cmd_group_remove(ws, args) -> None:
    group = ws.unlink_claim(args.claim_id, rationale=args.rationale or "")
    if args.json:
        _emit_json({"group": group.to_json() if group else None})
    elif group is None:
        print(f"Claim {args.claim_id} is no longer grouped; its group had no other pair left and was dissolved.")
    else:
        print(f"Claim {args.claim_id} left group {group.id} ({group.label}).")


def cmd_group_label(ws, args) -> None:
    if args.label is None and args.note is None:
        raise InvalidInput("Say what to change: --label or --note.")
    group = ws.update_group(args.group_id, label=args.label, note=args.note, if_version=args.if_version)
    if args.json:
        _emit_json(group.to_json())
    else:
        print(f"Group {group.id} is now \u201c{group.label}\u201d (version {group.version}).")


def cmd_group_suggest(ws, args) -> None:
    if args.apply:
        groups = ws.apply_group_suggestions()
        if args.json:
            _emit_json({"groups": [g.to_json() for g in groups]})
            return
        if not groups:
            print("Nothing to group.")
        for g in groups:
            print(f"Group {g.id}: {g.label}  [{len(g.members)} claims]")
        return
    suggestions = ws.suggest_groups()
    if args.json:
        _emit_json({"suggestions": [s.to_json() for s in suggestions]})
        return
    if not suggestions:
        print("No claims to group.")
    for s in suggestions:
        target = f"add to group {s.group_id}" if s.group_id else "new group"
        print(f"{target}: {s.label}  claims {', '.join(map(str, s.claim_ids))}")
        for reason in s.reasons:
            print(f"    {reason}")


def cmd_group_verdict(ws, args) -> None:
    applied = ws.set_group_verdict(args.group_id, args.status, rationale=args.rationale, if_version=args.if_version)
    if args.json:
        _emit_json(applied.to_json())
    else:
        g = applied.group
        changed = ", ".join(map(str, sorted(applied.previous))) or "none (all had it already)"
        print(f"Group {g.id} ({g.label}) is {g.status}; claims changed: {changed}.")


def cmd_article_set(ws, args) -> None:
    details = {k: getattr(args, k) for k in ("title", "publisher", "published", "author") if getattr(args, k) is not None}
    if args.url is not None:
        details["source_url"] = args.url
    if not details:
        raise InvalidInput("Say what to set: --title, --publisher, --published, --author or --url.")
    summary = ws.set_article_details(args.article_id, **details)
    if args.json:
        _emit_json(summary.to_json())
    else:
        meta = " \u00b7 ".join(x for x in (summary.publisher, summary.published, summary.source_url) if x)
        print(f"Article {summary.id}: {summary.title}" + (f"  ({meta})" if meta else ""))


def add_parsers(sub, add) -> None:
    """Add the commands to the main parser; `add(name, fn, help, parent=...)` is cli.build_parser's helper."""
    statuses = "unverified, verified, disputed, false, unverifiable"

    add("groups", cmd_groups, "the same claim across articles: every claim group with its members")
    sp = add("discrepancies", cmd_discrepancies, "figures, quote wordings and attributions that disagree within groups")
    sp.add_argument("--group", type=_id, metavar="GROUP_ID", help="only this group")

    group = sub.add_parser("group", help="group claims that are the same assertion, or set a group's verdict")
    gsub = group.add_subparsers(dest="group_command", metavar="ACTION", required=True)

    sp = add("add", cmd_group_add, "mark claims as the same claim (a new group, or the group one of them is in)",
             parent=gsub)
    sp.add_argument("claim_ids", type=_id, nargs="+", metavar="CLAIM_ID")
    sp.add_argument("--label", help="the group's name, e.g. \"US soldiers injured in Erbil\"")
    sp.add_argument("--rationale", help="why: recorded in each claim's history")

    sp = add("remove", cmd_group_remove, "take a claim out of its group (not the same claim)", parent=gsub)
    sp.add_argument("claim_id", type=_id, metavar="CLAIM_ID")
    sp.add_argument("--rationale")

    sp = add("label", cmd_group_label, "rename a group or change its note", parent=gsub)
    sp.add_argument("group_id", type=_id, metavar="GROUP_ID")
    sp.add_argument("--label")
    sp.add_argument("--note")
    sp.add_argument("--if-version", type=int, metavar="N")

    sp = add("suggest", cmd_group_suggest, "claims across articles that look like the same claim", parent=gsub)
    sp.add_argument("--apply", action="store_true", help="accept every suggestion")

    sp = add("verdict", cmd_group_verdict, "give every claim of a group the same verdict", parent=gsub)
    sp.add_argument("group_id", type=_id, metavar="GROUP_ID")
    sp.add_argument("--status", required=True, help=statuses)
    sp.add_argument("--rationale", required=True, help="why: recorded in each claim's history")
    sp.add_argument("--if-version", type=int, metavar="N",
                    help="refuse if someone changed the group since you read version N")

    article = sub.add_parser("article", help="change an article's details")
    asub = article.add_subparsers(dest="article_command", metavar="ACTION", required=True)
    sp = add("set", cmd_article_set, "set the outlet, published date, title, author or URL of an article",
             parent=asub)
    sp.add_argument("article_id", type=_id, metavar="ARTICLE_ID")
    sp.add_argument("--title")
    sp.add_argument("--publisher", help="the outlet, e.g. \"Reuters\"")
    sp.add_argument("--published", metavar="YYYY-MM-DD")
    sp.add_argument("--author")
    sp.add_argument("--url")
