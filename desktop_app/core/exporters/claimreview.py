"""schema.org ClaimReview (JSON-LD): one review per claim that has a verdict, for publishing.

The output is one JSON-LD document, `{"@context": "https://schema.org", "@graph": [...]}`,
holding a ClaimReview for every selected claim whose status is not "unverified".

Rating scale (`reviewRating`): `alternateName` is always the verdict as the desk
names it ("False", "Disputed", "Unverifiable", "Verified"); it is what search
engines show. The number sits on a 1-5 truth scale, worstRating 1, bestRating 5:

    false = 1    disputed = 2    verified = 5

(3 and 4 are left for finer verdicts a desk may add, e.g. "mostly true" = 4).
"Unverifiable" is not a point on that scale (it says the evidence is missing, not
that the claim is half true), so its Rating has `alternateName` only, no
ratingValue/bestRating/worstRating; Google's fact-check markup requires only
alternateName. The verdict's rationale goes into `ratingExplanation`.

`itemReviewed` is a schema.org Claim: `appearance` is the article (its URL, or
urn:sha256 of the file it was read from), `author` the person or body the claim is
attributed to where the analyst recorded it (a quote's speaker, an attribution's
source), `datePublished` the article's date. `firstAppearance` is left out: the
desk knows where it read the claim, not where it first appeared. The review's
`author` is the organisation (ExportOptions.organisation) and the analyst; its
`url` is `ExportOptions.publish_url` + "#claim-N" (the page the desk publishes the
checks on), else a urn naming the claim.
"""
from __future__ import annotations

import json

from ..errors import ExportFailed
from ..records import ArticleRecord, ClaimRecord, _iso
from . import ExportOptions, Selection, Step, register
from . import briefing as bf
from .webannotation import article_iri

CONTEXT = "https://schema.org"
BEST, WORST = 5, 1
#: Verdict -> ratingValue on the 1-5 scale above; a verdict missing here gets a textual rating only.
RATING_VALUE = {"false": 1, "disputed": 2, "verified": 5}


def rating(status: str, rationale: str = "") -> dict:
    label = bf.status_label(status)
    out: dict = {"@type": "Rating", "alternateName": label, "name": label}
    if status in RATING_VALUE:
        out.update(ratingValue=RATING_VALUE[status], bestRating=BEST, worstRating=WORST)
    if rationale:
        out["ratingExplanation"] = rationale
    return out


def _appearance(article: ArticleRecord) -> dict:
    s = article.summary
    work: dict = {"@type": "CreativeWork", "url": article_iri(article), "headline": s.title}
    if s.publisher:
        work["publisher"] = {"@type": "Organization", "name": s.publisher}
    if s.author:
        work["author"] = {"@type": "Person", "name": s.author}
    if s.published:
        work["datePublished"] = s.published
    return work


def _claim(article: ArticleRecord, claim: ClaimRecord) -> dict:
    item: dict = {"@type": "Claim", "appearance": _appearance(article)}
    speaker, attributed = claim.all_fields.get("speaker"), claim.all_fields.get("attributed_to")
    if speaker:
        item["author"] = {"@type": "Person", "name": speaker}
    elif attributed:
        # An attribution names a person or a body ("the US", "Iraqi security sources"); Organization
        # is the broader reading, and schema.org accepts either.
        item["author"] = {"@type": "Organization", "name": attributed}
    if article.summary.published:
        item["datePublished"] = article.summary.published
    return item


def review(article: ArticleRecord, claim: ClaimRecord, number: int, selection: Selection,
           options: ExportOptions) -> dict:
    authors: list[dict] = []
    if options.organisation:
        authors.append({"@type": "Organization", "name": options.organisation})
    analyst = (selection.verdicts[claim.id].analyst if claim.id in selection.verdicts else None) \
        or options.analyst or claim.updated_by
    if analyst:
        authors.append({"@type": "Person", "name": analyst})
    base = (options.publish_url or "").strip()
    url = f"{base.split('#')[0]}#claim-{number}" if base else f"urn:claimdesk:claim:{claim.id}"
    return {
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim.text,
        "reviewRating": rating(claim.status, selection.rationale(claim.id)),
        "itemReviewed": _claim(article, claim),
        "author": authors[0] if len(authors) == 1 else (authors or None),
        "datePublished": _iso(selection.generated_at.replace(microsecond=0)),
        "inLanguage": article.summary.language or None,
    }


def graph(selection: Selection, options: ExportOptions) -> dict:
    numbers = bf.numbering(selection.articles)
    reviews = []
    for a in selection.articles:
        for c in a.claims:
            if c.status != "unverified":
                reviews.append({k: v for k, v in review(a, c, numbers[c.id], selection, options).items()
                                if v is not None})
    return {"@context": CONTEXT, "@graph": reviews}


@register("claimreview", ".json", "ClaimReview (schema.org JSON-LD)")
def render(selection: Selection, options: ExportOptions, step: Step) -> bytes:
    data = graph(selection, options)
    if not data["@graph"]:
        raise ExportFailed("None of the chosen claims has a verdict yet; ClaimReview needs at least one "
                           "claim that is not unverified.")
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
