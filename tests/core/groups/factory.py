"""Reports made by hand for the pure tests."""
from __future__ import annotations

from itertools import count

from desktop_app.core.groups.records import Report

_ids = count(1)
CONTEXT = frozenset({"erbil", "iraq", "us", "kataeb", "hezbollah"})


def report(type="casualty", text="three US soldiers were injured", *, article_id=1, outlet=None, published="2023-12-26",
           context=CONTEXT, **fields) -> Report:
    claim_id = fields.pop("claim_id", None) or next(_ids) + 1000
    return Report(claim_id=claim_id, article_id=article_id, article_title=f"Article {article_id}",
                  outlet=outlet or f"Outlet {article_id}", published=published, type=type, text=text,
                  context=context, start=fields.pop("start", claim_id), **fields)


def casualty(count_, qualifier="exact", category="injured", who="US soldiers", **kw) -> Report:
    return report("casualty", kw.pop("text", f"{count_} {who} {category}"), count=count_, qualifier=qualifier,
                  category=category, who=who, **kw)


def quote(text, speaker="Lloyd Austin", **kw) -> Report:
    return report("quote", text, speaker=speaker, source=speaker, **kw)


def statistic(count_, text, qualifier="exact", **kw) -> Report:
    return report("statistic", text, count=count_, qualifier=qualifier, **kw)
