"""W3C Web Annotation (JSON-LD AnnotationCollection): one annotation per claim.

Targets name the article by its URL, or by urn:sha256 of the bytes it was read
from, with the TextQuoteSelector/TextPositionSelector pair the anchoring uses,
so another tool (Hypothesis, a TEI pipeline) can place each claim again.
"""
from __future__ import annotations

import json
from collections.abc import Sequence

from ..anchoring import Selector
from ..records import ArticleRecord, ClaimRecord, _iso
from . import ExportOptions, register

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
VOCAB = "https://claimdesk.invalid/ns#"  # where our tag vocabulary would live; not fetched


def article_iri(article: ArticleRecord) -> str:
    return article.summary.source_url or f"urn:sha256:{article.summary.sha256}"


def annotation(article: ArticleRecord, claim: ClaimRecord) -> dict:
    bodies: list[dict] = [
        {"type": "TextualBody", "purpose": "tagging", "value": f"type:{claim.type}"},
        {"type": "TextualBody", "purpose": "assessing", "value": f"status:{claim.status}"},
    ]
    if claim.note:
        bodies.append({"type": "TextualBody", "purpose": "commenting", "value": claim.note, "format": "text/plain"})
    for key, value in claim.fields.items():
        if value is not None:
            bodies.append({"type": "TextualBody", "purpose": "describing", "value": f"{key}:{value}"})
    for link in claim.sources:
        src = link.source
        bodies.append({
            "type": "SpecificResource", "purpose": "linking",
            "source": src.url or f"urn:claimdesk:source:{src.id}",
            **({"name": src.title} if src.title else {}),
            "claimdesk:relation": link.relation, "claimdesk:grade": link.grade,
        })
    return {
        "id": f"urn:claimdesk:claim:{claim.id}",
        "type": "Annotation",
        "motivation": "assessing",
        "created": _iso(claim.created_at),
        "modified": _iso(claim.updated_at),
        "creator": {"type": "Person", "name": claim.analyst},
        "body": bodies,
        "target": {
            "source": article_iri(article),
            # An orphaned claim's offsets belong to an older revision: only its quote is given.
            "selector": Selector(start=claim.start, end=claim.end, exact=claim.text, prefix=claim.prefix,
                                 suffix=claim.suffix).to_w3c(position=claim.anchor != "orphaned"),
        },
    }


def collection(articles: Sequence[ArticleRecord], options: ExportOptions) -> dict:
    items = [annotation(a, c) for a in articles for c in a.claims]
    return {
        "@context": [CONTEXT, {"claimdesk": VOCAB}],
        "type": "AnnotationCollection",
        "label": options.title or "; ".join(a.title for a in articles),
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


@register("json", ".json")
def render(articles: Sequence[ArticleRecord], options: ExportOptions) -> bytes:
    return (json.dumps(collection(articles, options), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
