"""W3C Web Annotation (JSON-LD AnnotationCollection): one annotation per claim.

Targets name the article by its URL, or by urn:sha256 of the bytes it was read
from, with the TextQuoteSelector/TextPositionSelector pair the anchoring uses,
so another tool (Hypothesis, a TEI pipeline) can place each claim again.
Positions count Unicode code points in the article's normalised text, as the
spec's TextPositionSelector does. The collection and its single page carry the
ids the Web Annotation Data Model requires of them (urn:uuid, stable for the
same claims exported at the same time).
"""
from __future__ import annotations

import json
import uuid
from collections.abc import Sequence

from ..anchoring import Selector
from ..records import ArticleRecord, ClaimRecord, _iso
from . import ExportOptions, Selection, Step, register
from . import briefing as bf

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
VOCAB = "https://claimdesk.invalid/ns#"  # where our tag vocabulary would live; not fetched


def article_iri(article: ArticleRecord) -> str:
    return article.summary.source_url or f"urn:sha256:{article.summary.sha256}"


def _text(value: str, purpose: str, language: str | None = None) -> dict:
    body = {"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"}
    if language:
        body["language"] = language
    return body


def annotation(article: ArticleRecord, claim: ClaimRecord, rationale: str = "") -> dict:
    lang = article.summary.language
    bodies: list[dict] = [
        _text(f"type:{claim.type}", "tagging"),
        _text(f"status:{claim.status}", "assessing"),
    ]
    if rationale:
        bodies.append(_text(rationale, "commenting", lang))
    if claim.note:
        bodies.append(_text(claim.note, "commenting", lang))
    for key, value in claim.fields.items():
        if value is not None:
            bodies.append(_text(f"{key}:{value}", "describing"))
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


def collection(articles: Sequence[ArticleRecord], options: ExportOptions, selection: Selection | None = None) -> dict:
    rationale = selection.rationale if selection else (lambda _id: "")
    items = [annotation(a, c, rationale(c.id)) for a in articles for c in a.claims]
    stamp = _iso(selection.generated_at) if selection else ""
    key = f"claimdesk:{stamp}:" + ",".join(str(c.id) for a in articles for c in a.claims)
    collection_id = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, key)}"
    page_id = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, key + ':page:1')}"
    return {
        "@context": [CONTEXT, {"claimdesk": VOCAB}],
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": options.title or (bf.default_title(articles) if articles else "Claims"),
        "total": len(items),
        "first": {"id": page_id, "type": "AnnotationPage", "partOf": collection_id, "startIndex": 0,
                  "items": items},
        "last": page_id,
    }


@register("json", ".json", "W3C Web Annotations (JSON-LD)")
def render(selection: Selection, options: ExportOptions, step: Step) -> bytes:
    data = collection(selection.articles, options, selection)
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
